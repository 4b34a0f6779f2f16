package io.incore.websocket.internal.transport;

import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.local.LocalChannel;
import io.netty.channel.local.LocalServerChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.glassfish.tyrus.spi.CompletionHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The order of a {@link ChannelWriter}'s direct writes against the writes that wait for the event loop, made
 * deterministic: the socket a sender writes to directly is a stand-in whose room the test decides, the channel is
 * Netty's in-VM channel on a real event loop, which the test may keep busy, and an outbound handler may keep the
 * loop's writes from reaching their end (bytes still on their way to the socket). A direct write must never overtake
 * bytes that are queued or on their way, even when the socket has room again.
 */
class DirectWriteOrderTests {

	private final DefaultEventLoopGroup loop = new DefaultEventLoopGroup(1);

	private final StringBuffer arrived = new StringBuffer();

	private final StandInSocket socket = new StandInSocket();

	private final HeldWrites held = new HeldWrites();

	private final List<String> completed = new CopyOnWriteArrayList<>();

	/** Lets the event loop go on when a test kept it busy. */
	private final CountDownLatch release = new CountDownLatch(1);

	private Channel channel;

	private ChannelWriter writer;

	@BeforeEach
	void connect() throws InterruptedException {
		LocalAddress address = new LocalAddress(DirectWriteOrderTests.class);
		new ServerBootstrap().group(this.loop)
			.channel(LocalServerChannel.class)
			.childHandler(new ChannelInboundHandlerAdapter() {

				@Override
				public void channelRead(ChannelHandlerContext ctx, Object message) {
					ByteBuf bytes = (ByteBuf) message;
					DirectWriteOrderTests.this.arrived.append(bytes.toString(StandardCharsets.US_ASCII));
					bytes.release();
				}

			})
			.bind(address)
			.sync();
		this.channel = new Bootstrap().group(this.loop).channel(LocalChannel.class).handler(new ChannelInitializer<>() {

			@Override
			protected void initChannel(Channel channel) {
				channel.pipeline().addLast(DirectWriteOrderTests.this.held);
			}

		}).connect(address).sync().channel();
		this.writer = new ChannelWriter(this.channel, this.socket);
	}

	@AfterEach
	void close() {
		this.release.countDown();
		this.loop.shutdownGracefully(0, 0, TimeUnit.SECONDS).syncUninterruptibly();
	}

	@Test
	void withNothingWaitingAWriteGoesToTheSocketOnTheSendersThread() {
		this.socket.room = Integer.MAX_VALUE;
		this.writer.write(bytes("direct"), handler("direct"));
		assertThat(this.socket.written()).isEqualTo("direct");
		assertThat(this.completed).as("completed before write returned").containsExactly("direct");
		assertThat(arrived()).isEmpty();
	}

	@Test
	void onTheEventLoopItselfAWriteGoesToTheSocketWithoutATaskOfItsOwn() throws Exception {
		this.socket.room = Integer.MAX_VALUE;
		List<String> completedInCall = this.loop.submit(() -> {
			this.writer.write(bytes("batch"), handler("batch"));
			return List.copyOf(this.completed);
		}).get(10, TimeUnit.SECONDS);
		assertThat(this.socket.written()).isEqualTo("batch");
		assertThat(completedInCall).as("completed before write returned").containsExactly("batch");
		assertThat(arrived()).isEmpty();
	}

	@Test
	void whatTheSocketDoesNotTakeAtOnceFollowsThroughTheEventLoop() {
		this.socket.room = 3;
		this.writer.write(bytes("abcdef"), handler("abcdef"));
		assertThat(this.socket.written()).isEqualTo("abc");
		await().until(() -> arrived().equals("def"));
		await().until(() -> this.completed.equals(List.of("abcdef")));
	}

	@Test
	void aWriteWaitsBehindAQueuedOneThoughTheSocketHasRoomAgain() {
		this.loop.execute(() -> awaitQuietly(this.release));
		this.socket.room = 0;
		this.writer.write(bytes("first,"), handler("first"));
		this.socket.room = Integer.MAX_VALUE;
		this.writer.write(bytes("second"), handler("second"));
		assertThat(this.socket.written()).as("nothing overtook the queued write").isEmpty();
		this.release.countDown();
		await().until(() -> arrived().equals("first,second"));
		await().until(() -> this.completed.equals(List.of("first", "second")));
	}

	@Test
	void aWriteWaitsWhileAnEarlierOneIsStillOnItsWayToTheSocket() {
		this.held.holding = true;
		this.socket.room = 0;
		this.writer.write(bytes("first,"), handler("first"));
		await().until(() -> this.held.count() == 1);
		this.socket.room = Integer.MAX_VALUE;
		this.writer.write(bytes("second"), handler("second"));
		assertThat(this.socket.written()).as("nothing overtook the write on its way").isEmpty();
		await().until(() -> this.held.count() == 2);
		this.loop.execute(this.held::release);
		await().until(() -> arrived().equals("first,second"));
		await().until(() -> this.completed.equals(List.of("first", "second")));
		this.writer.write(bytes("third"), handler("third"));
		assertThat(this.socket.written()).as("direct again once everything is out").isEqualTo("third");
	}

	private String arrived() {
		return this.arrived.toString();
	}

	private CompletionHandler<ByteBuffer> handler(String name) {
		return new CompletionHandler<>() {

			@Override
			public void completed(ByteBuffer result) {
				DirectWriteOrderTests.this.completed.add(name);
			}

		};
	}

	private static ByteBuffer bytes(String text) {
		return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Keeps the event loop's writes from going on, while {@link #holding}, until {@link #release()}.
	 */
	private static final class HeldWrites extends ChannelOutboundHandlerAdapter {

		private final List<Object[]> writes = new CopyOnWriteArrayList<>();

		private volatile boolean holding;

		private ChannelHandlerContext context;

		@Override
		public boolean isSharable() {
			return true;
		}

		@Override
		public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
			if (this.holding) {
				this.context = ctx;
				this.writes.add(new Object[] { message, promise });
			}
			else {
				ctx.write(message, promise);
			}
		}

		int count() {
			return this.writes.size();
		}

		/** Lets the held writes go on, in order; runs on the event loop. */
		void release() {
			this.holding = false;
			this.writes.forEach((write) -> this.context.write(write[0], (ChannelPromise) write[1]));
			this.writes.clear();
			this.context.flush();
		}

	}

	/**
	 * A socket that takes at most {@link #room} more bytes, the room its send buffer has left, and keeps them; only
	 * its writes are used.
	 */
	private static final class StandInSocket extends SocketChannel {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private volatile int room;

		StandInSocket() {
			super(SelectorProvider.provider());
		}

		synchronized String written() {
			return this.bytes.toString(StandardCharsets.US_ASCII);
		}

		@Override
		public synchronized int write(ByteBuffer source) {
			int count = Math.min(this.room, source.remaining());
			this.room -= count;
			for (int i = 0; i < count; i++) {
				this.bytes.write(source.get());
			}
			return count;
		}

		@Override
		public long write(ByteBuffer[] sources, int offset, int length) {
			throw new UnsupportedOperationException();
		}

		@Override
		public int read(ByteBuffer target) {
			throw new UnsupportedOperationException();
		}

		@Override
		public long read(ByteBuffer[] targets, int offset, int length) {
			throw new UnsupportedOperationException();
		}

		@Override
		public SocketChannel bind(SocketAddress local) {
			throw new UnsupportedOperationException();
		}

		@Override
		public <T> SocketChannel setOption(SocketOption<T> name, T value) {
			throw new UnsupportedOperationException();
		}

		@Override
		public <T> T getOption(SocketOption<T> name) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Set<SocketOption<?>> supportedOptions() {
			return Set.of();
		}

		@Override
		public SocketChannel shutdownInput() {
			throw new UnsupportedOperationException();
		}

		@Override
		public SocketChannel shutdownOutput() {
			throw new UnsupportedOperationException();
		}

		@Override
		public Socket socket() {
			throw new UnsupportedOperationException();
		}

		@Override
		public boolean isConnected() {
			return true;
		}

		@Override
		public boolean isConnectionPending() {
			return false;
		}

		@Override
		public boolean connect(SocketAddress remote) {
			throw new UnsupportedOperationException();
		}

		@Override
		public boolean finishConnect() {
			return true;
		}

		@Override
		public SocketAddress getRemoteAddress() {
			return null;
		}

		@Override
		public SocketAddress getLocalAddress() {
			return null;
		}

		@Override
		protected void implCloseSelectableChannel() {
		}

		@Override
		protected void implConfigureBlocking(boolean block) {
		}

	}

}
