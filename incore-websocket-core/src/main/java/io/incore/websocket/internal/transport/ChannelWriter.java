package io.incore.websocket.internal.transport;

import java.nio.ByteBuffer;

import io.netty.buffer.ByteBuf;
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

	/**
	 * Copies the bytes into a pooled direct buffer on the calling thread, which the socket takes without another
	 * copy, so that the event loop, which also reads the connection, only makes the system call.
	 */
	private void writeNow(ByteBuffer buffer, CompletionHandler<ByteBuffer> completionHandler) {
		ByteBuf direct = this.channel.alloc().directBuffer(buffer.remaining());
		direct.writeBytes(buffer.duplicate());
		this.channel.writeAndFlush(direct).addListener((future) -> {
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
	 * Whether the channel takes more without waiting: what it holds unwritten, writes handed over from other threads
	 * included, is below Netty's high watermark (64 KiB by default) or has fallen back below the low one.
	 */
	boolean hasRoom() {
		return this.channel.isWritable();
	}

	/**
	 * Whether the socket sends every frame at once; for tests.
	 */
	boolean tcpNoDelay() {
		return this.channel.config().getOption(ChannelOption.TCP_NODELAY);
	}

}
