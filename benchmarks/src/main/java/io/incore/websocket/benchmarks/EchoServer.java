package io.incore.websocket.benchmarks;

import javax.net.ssl.KeyManagerFactory;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketServerCompressionHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;

/**
 * A fast, independent WebSocket echo server on 127.0.0.1, run in its own JVM: every text or binary message on
 * {@code /echo} is sent back. Usage: {@code EchoServer <port> [deflate]}; with {@code deflate} it agrees to
 * permessage-deflate (Netty's implementation, default settings) when a client offers it; with
 * {@code -Dbench.keystore=<PKCS12 file>} it serves {@code wss://} with that key ({@link TlsMaterial}). Prints
 * {@code READY <port>} once listening and stops when its standard input closes.
 */
public final class EchoServer {

	private EchoServer() {
	}

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		boolean deflate = args.length > 1 && args[1].equals("deflate");
		KeyManagerFactory keys = TlsMaterial.serverKeys();
		SslContext tls = (keys != null) ? SslContextBuilder.forServer(keys).build() : null;
		MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
		try {
			Channel channel = new ServerBootstrap().group(group)
				.channel(NioServerSocketChannel.class)
				.option(ChannelOption.SO_BACKLOG, 4096)
				.childOption(ChannelOption.TCP_NODELAY, true)
				.childHandler(new ChannelInitializer<SocketChannel>() {

					@Override
					protected void initChannel(SocketChannel channel) {
						if (tls != null) {
							channel.pipeline().addLast(tls.newHandler(channel.alloc()));
						}
						channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536));
						if (deflate) {
							channel.pipeline().addLast(new WebSocketServerCompressionHandler(0));
						}
						channel.pipeline()
							.addLast(new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
								.websocketPath("/echo")
								.allowExtensions(deflate)
								.maxFramePayloadLength(16 * 1024 * 1024)
								.build()), new Echo());
					}

				})
				.bind("127.0.0.1", port)
				.sync()
				.channel();
			System.out.println("READY " + port);
			System.out.flush();
			while (System.in.read() != -1) {
				// Runs until the harness closes standard input.
			}
			channel.close().sync();
		}
		finally {
			group.shutdownGracefully();
		}
	}

	/**
	 * Sends each message back as it is read, and flushes once all that one read of the socket brought is answered:
	 * one system call per batch of echoes instead of one per echo. A message alone in its read is flushed right
	 * after it, so round trips wait for nothing.
	 */
	private static final class Echo extends SimpleChannelInboundHandler<WebSocketFrame> {

		@Override
		protected void channelRead0(ChannelHandlerContext context, WebSocketFrame frame) {
			if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
				context.write(frame.retainedDuplicate());
			}
		}

		@Override
		public void channelReadComplete(ChannelHandlerContext context) {
			context.flush();
		}

	}

}
