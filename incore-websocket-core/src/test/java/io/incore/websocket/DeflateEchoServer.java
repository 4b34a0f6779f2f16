package io.incore.websocket;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
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
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtensionHandler;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateServerExtensionHandshaker;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * An echo server on 127.0.0.1 that speaks permessage-deflate through Netty's own implementation, an independent
 * peer for the client's compression: every text or binary message on {@code /echo} is sent back, compressed as the
 * agreement says.
 */
final class DeflateEchoServer implements AutoCloseable {

	private final MultiThreadIoEventLoopGroup group;

	private final Channel channel;

	/**
	 * Starts the server.
	 * @param preferClientNoContext whether the server asks the client to compress every message on its own
	 * @param allowServerNoContext whether the server agrees to compress every message on its own when asked
	 */
	DeflateEchoServer(boolean preferClientNoContext, boolean allowServerNoContext) {
		this.group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(TestServer.SERVER_THREAD_PREFIX
				+ "deflate"), NioIoHandler.newFactory());
		this.channel = new ServerBootstrap().group(this.group)
			.channel(NioServerSocketChannel.class)
			.childHandler(new ChannelInitializer<SocketChannel>() {

				@Override
				protected void initChannel(SocketChannel channel) {
					channel.pipeline()
						.addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
								new WebSocketServerExtensionHandler(new PerMessageDeflateServerExtensionHandshaker(6,
										false, 15, allowServerNoContext, preferClientNoContext)),
								new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
									.websocketPath("/echo")
									.allowExtensions(true)
									.maxFramePayloadLength(4 * 1024 * 1024)
									.build()),
								new Echo());
				}

			})
			.bind("127.0.0.1", 0)
			.syncUninterruptibly()
			.channel();
	}

	String url() {
		return "ws://127.0.0.1:" + ((InetSocketAddress) this.channel.localAddress()).getPort() + "/echo";
	}

	@Override
	public void close() {
		this.channel.close().syncUninterruptibly();
		this.group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
	}

	private static final class Echo extends SimpleChannelInboundHandler<WebSocketFrame> {

		@Override
		protected void channelRead0(ChannelHandlerContext context, WebSocketFrame frame) {
			if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
				context.writeAndFlush(frame.retainedDuplicate());
			}
		}

	}

}
