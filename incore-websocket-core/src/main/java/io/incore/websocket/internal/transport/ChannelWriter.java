package io.incore.websocket.internal.transport;

import java.nio.ByteBuffer;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;

import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Writer;

/**
 * Writes a connection's bytes to its Netty channel: the writer Tyrus' engine is given at the handshake, and the one
 * {@link OutgoingFrames} writes every frame through. Writes leave in the order of the calls, from whatever thread:
 * each is a task on the channel's event loop, also when called on that loop, where Netty would otherwise write at
 * once, ahead of writes other threads handed over before. The completion handler runs once the bytes are on the
 * socket.
 */
final class ChannelWriter extends Writer {

	private final Channel channel;

	ChannelWriter(Channel channel) {
		this.channel = channel;
	}

	@Override
	public void write(ByteBuffer buffer, CompletionHandler<ByteBuffer> completionHandler) {
		if (this.channel.eventLoop().inEventLoop()) {
			this.channel.eventLoop().execute(() -> writeNow(buffer, completionHandler));
		}
		else {
			writeNow(buffer, completionHandler);
		}
	}

	private void writeNow(ByteBuffer buffer, CompletionHandler<ByteBuffer> completionHandler) {
		this.channel.writeAndFlush(Unpooled.wrappedBuffer(buffer)).addListener((future) -> {
			if (future.isSuccess()) {
				completionHandler.completed(buffer);
			}
			else {
				completionHandler.failed(future.cause());
			}
		});
	}

	@Override
	public void close() {
		this.channel.close();
	}

	/**
	 * Whether the socket sends every frame at once; for tests.
	 */
	boolean tcpNoDelay() {
		return this.channel.config().getOption(ChannelOption.TCP_NODELAY);
	}

}
