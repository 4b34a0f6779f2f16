package io.incore.websocket.internal.transport;

import java.nio.channels.SocketChannel;

import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * Netty's NIO socket channel, with its JDK channel reachable by the {@link ChannelWriter} of a plain connection, so
 * that a sender may write its frame to the socket itself when nothing else is waiting to be written (see
 * {@link ChannelWriter}). Only the protected accessor Netty gives subclasses is used.
 */
final class DirectSocketChannel extends NioSocketChannel {

	/**
	 * Creates a channel with a socket of its own, not connected yet.
	 */
	DirectSocketChannel() {
	}

	/**
	 * Creates a channel on a socket connected already.
	 * @param socket the socket
	 */
	DirectSocketChannel(SocketChannel socket) {
		super(socket);
	}

	/**
	 * Returns the JDK channel under this one.
	 * @return the socket channel
	 */
	SocketChannel socket() {
		return javaChannel();
	}

}
