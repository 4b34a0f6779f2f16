package io.incore.websocket.internal.transport;

import java.io.IOException;
import java.nio.ByteBuffer;

import javax.net.ssl.SSLException;

import io.incore.websocket.internal.frame.PerMessageDeflate;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The last handler of a connection's pipeline once the handshake succeeded: hands every byte received to the
 * connection's {@link FrameReadHandler}, and tells the connection when the channel is gone.
 * <p>
 * With default delivery it runs on the channel's event loop, and the read handler suspends reading
 * ({@code autoRead} off) while listeners are behind. With inline delivery it runs on a thread of the inline group,
 * which may wait for listeners; then the channel reads one buffer at a time, each asked for once the previous one
 * was handled, so a listener that falls behind never makes unread data pile up in memory.
 */
final class FrameChannelHandler extends ChannelInboundHandlerAdapter implements ReadControl {

	private final FrameReadHandler reads;

	private final TyrusConnection connection;

	private final boolean inline;

	private ChannelHandlerContext context;

	FrameChannelHandler(ConnectionSettings settings, PerMessageDeflate.Agreement deflate, boolean inline) {
		this.reads = new FrameReadHandler(settings.maxMessageSize(), deflate, settings.connection(), settings.gate(),
				inline ? null : this);
		this.connection = settings.connection();
		this.inline = inline;
	}

	@Override
	public void handlerAdded(ChannelHandlerContext ctx) {
		this.context = ctx;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object message) {
		ByteBuf bytes = (ByteBuf) message;
		try {
			for (ByteBuffer buffer : bytes.nioBuffers()) {
				this.reads.handle(buffer);
			}
		}
		finally {
			bytes.release();
			if (this.inline) {
				ctx.read();
			}
		}
	}

	/**
	 * Frees the reader's decompressor and tells the connection that TCP is gone. It runs on the thread that reads,
	 * after the last read. Tyrus is not told: its session served the opening handshake only, and nothing keeps it
	 * once the connection is open, so an idle connection holds none of Tyrus' objects.
	 */
	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		this.reads.release();
		this.connection.transportEnded();
	}

	/**
	 * A reset or another I/O error ends the connection, which is reported as closed without a close handshake; a
	 * TLS failure ({@link TlsFailedException}) and any other failure are reported as they are before the channel
	 * closes.
	 */
	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		SSLException tls = (cause instanceof SSLException direct) ? direct
				: (cause.getCause() instanceof SSLException wrapped) ? wrapped : null;
		if (tls != null) {
			this.connection.failed(new TlsFailedException(tls));
		}
		else if (!(cause instanceof IOException)) {
			this.connection.failed(cause);
		}
		ctx.close();
	}

	/**
	 * TLS failed on an open connection, after its handshake: a record that fails its integrity check, an alert
	 * from the server.
	 */
	static final class TlsFailedException extends IOException {

		TlsFailedException(SSLException cause) {
			super(cause.getMessage(), cause);
		}

	}

	@Override
	public void suspend() {
		this.context.channel().config().setAutoRead(false);
	}

	@Override
	public void onReadingThread(Runnable task) {
		this.context.executor().execute(task);
	}

	@Override
	public void resume() {
		this.context.channel().config().setAutoRead(true);
	}

}
