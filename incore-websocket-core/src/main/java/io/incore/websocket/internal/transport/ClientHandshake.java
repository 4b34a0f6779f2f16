package io.incore.websocket.internal.transport;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

import io.incore.websocket.WebSocketUrl;
import io.incore.websocket.internal.concurrent.SharedExecutors;
import io.incore.websocket.internal.frame.PerMessageDeflate;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.handler.proxy.HttpProxyHandler;
import io.netty.handler.ssl.SslHandler;
import io.netty.resolver.NoopAddressResolverGroup;

import org.glassfish.tyrus.spi.ClientEngine;
import org.glassfish.tyrus.spi.UpgradeRequest;

/**
 * One opening handshake on Netty, driven by Tyrus' {@link ClientEngine}: connects (with TLS for {@code wss://}),
 * writes the upgrade request the engine made, reads the answer's head and hands it to the engine, which opens the
 * session. A {@code 101} answer is judged here first, by RFC 6455 ({@link SwitchingProtocolsCheck}) and RFC 7692
 * (the permessage-deflate answer): Tyrus would accept an extension or a subprotocol that was never offered. Any
 * other status but the redirects the engine follows is a refusal ({@link UpgradeRefusedException}), a {@code 200}
 * as much as a {@code 404}. After a 101 the channel's pipeline ends in a {@link FrameChannelHandler}, which gets
 * every later byte, those of the read that carried the answer included. A redirect starts another handshake.
 * <p>
 * Every end is reported to the engine at once: a refused or failed connect, a TLS failure, and a server that
 * closes the connection before it answered ({@link HandshakeClosedException}), rather than waiting for the
 * handshake timeout.
 * <p>
 * The handshake's state is here; each channel it tries (through a proxy, the channel to a proxy address that
 * cannot be reached is followed by one to the next) reads the answer with a {@linkplain AnswerReader handler of
 * its own}.
 */
final class ClientHandshake {

	/** The statuses Tyrus' engine answers with another request to the {@code Location} given. */
	private static final Set<Integer> REDIRECTS = Set.of(300, 301, 302, 303, 307, 308);

	private final ClientEngine engine;

	private final ConnectionSettings settings;

	private volatile Channel channel;

	/** The socket of a plain connection while it is connected here, closed by a handshake timeout. */
	private volatile SocketChannel connecting;

	private volatile boolean over;

	/**
	 * When the handshake must be over, in {@link System#nanoTime()}: the handshake timeout after the first request
	 * of the attempt, which its redirects share.
	 */
	private final long deadline;

	/** Ends the handshake once its time is up, on its (first) channel's event loop; {@code null} until started. */
	private volatile ScheduledFuture<?> deadlineTimer;

	private URI uri;

	/** The {@code Sec-WebSocket-Key} of the request, which a {@code 101} answer must answer. */
	private String key;

	/** The proxy the connection goes through, {@code null} for a direct connection. */
	private volatile ProxyRoute proxy;

	/** The handler that opens the tunnel through the proxy address tried last, {@code null} for a direct one. */
	private volatile HttpProxyHandler proxyHandler;

	/** The proxy's addresses, tried in turn while one cannot be reached; {@code null} for a direct connection. */
	private List<InetSocketAddress> proxyAddresses;

	/** Whether the first request of this attempt went to a {@code wss://} URL; a redirect may not leave TLS. */
	private final Boolean secureOrigin;

	ClientHandshake(ClientEngine engine, ConnectionSettings settings) {
		this(engine, settings, null,
				System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.connectTimeoutMillis()));
	}

	private ClientHandshake(ClientEngine engine, ConnectionSettings settings, Boolean secureOrigin, long deadline) {
		this.engine = engine;
		this.settings = settings;
		this.secureOrigin = secureOrigin;
		this.deadline = deadline;
	}

	/**
	 * Starts the handshake; the host is resolved on the calling thread, never on an event loop. A direct connection
	 * is {@linkplain #connectHere connected here}; one through a proxy is connected by Netty.
	 * @throws IOException if the host is unknown, or a direct connection could not be made
	 */
	void start() throws IOException {
		UpgradeRequest request = this.engine.createUpgradeRequest(this::timedOut);
		URI uri = webSocketUri(URI.create(request.getRequestUri()));
		boolean secure = "wss".equalsIgnoreCase(uri.getScheme());
		if (Boolean.TRUE.equals(this.secureOrigin) && !secure) {
			throw new RedirectRefusedException("The server redirected a wss:// connection to "
					+ WebSocketUrl.redact(uri.toString(), this.settings.redactedNames())
					+ "; a redirect that leaves TLS is not followed");
		}
		int port = (uri.getPort() != -1) ? uri.getPort() : secure ? 443 : 80;
		ProxyRoute route = ProxyRoute.select(this.settings.proxy(), uri);
		if (route != null) {
			this.proxy = route;
			this.proxyAddresses = route.addresses();
		}
		SSLContext tlsContext = secure ? tlsContext() : null;
		this.uri = uri;
		this.key = request.getHeader(SwitchingProtocolsCheck.KEY_FIELD);
		InetAddress[] addresses = (route == null) ? InetAddress.getAllByName(uri.getHost()) : null;
		byte[] requestBytes = encode(request, uri);
		HandshakeLog.request(uri, request.getHeaders(), this.settings.redactedNames());
		if (route == null) {
			connectHere(addresses, port, tlsContext, requestBytes);
		}
		else {
			connectByNetty(InetSocketAddress.createUnresolved(uri.getHost(), port), tlsContext, requestBytes, 0, null);
		}
	}

	/**
	 * Returns the URI of a handshake, whose scheme must be {@code ws} or {@code wss}. The URL the application gave
	 * has one of them, and Tyrus' engine maps a redirect's {@code http://} or {@code https://} {@code Location} to
	 * them (as RFC 6455 section 3 relates them); a redirect to any other scheme ({@code ftp://}) comes through as it
	 * is and is not followed.
	 */
	private URI webSocketUri(URI uri) throws RedirectRefusedException {
		String scheme = uri.getScheme();
		if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme)) {
			throw new RedirectRefusedException("The server redirected the connection to "
					+ WebSocketUrl.redact(uri.toString(), this.settings.redactedNames())
					+ ", which is not a ws://, wss://, http:// or https:// URL; it is not followed");
		}
		return uri;
	}

	/**
	 * Connects a direct connection on this (connect) thread and writes the request, then hands the socket to an
	 * event loop, which reads the answer: the registration with the event loop overlaps the server's work on the
	 * request instead of preceding the connect (measured in BENCHMARKS-ARCHIVE.md). A TLS connection's request is
	 * written through its {@link SslHandler}, which holds it until the TLS handshake is done.
	 * <p>
	 * Tyrus starts its handshake timeout only once this returns, so the time the connect took here is taken off the
	 * rest by a timer of this handshake's own ({@link #deadlinePassed}): connecting, TLS and upgrade together take
	 * at most the handshake timeout. Each connect is bounded by the time left; should Tyrus' backstop timer fire
	 * meanwhile, it closes the socket, which ends a connect still in progress.
	 */
	private void connectHere(InetAddress[] addresses, int port, SSLContext tlsContext, byte[] request)
			throws IOException {
		SocketChannel socket;
		try {
			socket = connected(addresses, port);
			if (socket != null && tlsContext == null) {
				ByteBuffer bytes = ByteBuffer.wrap(request);
				while (bytes.hasRemaining()) {
					socket.write(bytes);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			closeQuietly(this.connecting);
			if (this.over) {
				// The handshake timed out, which closed the socket; Tyrus reports the timeout.
				return;
			}
			throw ex;
		}
		if (socket == null) {
			return;
		}
		DirectSocketChannel channel = new DirectSocketChannel(socket);
		// After the channel is made: Netty's configuration turns TCP_NODELAY on by default.
		channel.config().setTcpNoDelay(this.settings.tcpNoDelay());
		if (tlsContext != null) {
			channel.pipeline().addLast(tls(tlsContext, this.uri.getHost(), port));
		}
		channel.pipeline().addLast(new AnswerReader());
		this.channel = channel;
		if (this.over) {
			channel.close();
			return;
		}
		EventLoops.group().register(channel).addListener((done) -> {
			if (!done.isSuccess()) {
				channel.close();
				failed(done.cause());
				return;
			}
			startDeadline(channel);
			if (tlsContext != null) {
				channel.writeAndFlush(Unpooled.wrappedBuffer(request));
			}
		});
	}

	/**
	 * Connects to the first of the host's addresses that accepts, in the order the resolver gave them (IPv4 first,
	 * unless the JVM prefers IPv6), as a host name whose first address refuses or is unreachable (a server listening
	 * on {@code ::1} only, when {@code localhost} resolves to {@code 127.0.0.1} first; a host whose IPv6 route is
	 * broken) is still reached. An address that does not answer may take an equal share of the handshake's time
	 * left among the addresses not tried yet, the last one all of it; an address that refuses moves on at once.
	 * When every address failed, the first failure is thrown with the others {@linkplain Throwable#getSuppressed()
	 * suppressed} by it.
	 * @return the connected socket, or {@code null} when the handshake timed out meanwhile
	 */
	private SocketChannel connected(InetAddress[] addresses, int port) throws IOException {
		IOException failure = null;
		for (int i = 0; i < addresses.length; i++) {
			SocketChannel socket = SocketChannel.open();
			this.connecting = socket;
			if (this.over) {
				socket.close();
				return null;
			}
			try {
				socket.socket()
					.connect(new InetSocketAddress(addresses[i], port), connectTimeoutMillis(addresses.length - i));
				return socket;
			}
			catch (IOException ex) {
				socket.close();
				if (this.over) {
					return null;
				}
				if (failure == null) {
					failure = ex;
				}
				else {
					failure.addSuppressed(ex);
				}
			}
		}
		throw failure;
	}

	/**
	 * The handshake's time left, in milliseconds, at least one.
	 */
	private long leftMillis() {
		return Math.max(1, TimeUnit.NANOSECONDS.toMillis(this.deadline - System.nanoTime()));
	}

	/**
	 * How long the connect to one of the addresses not tried yet may take: an equal share of the time left.
	 * @param untried the addresses not tried yet, this one included
	 */
	private int connectTimeoutMillis(int untried) {
		return (int) Math.max(1, Math.min(Integer.MAX_VALUE, leftMillis() / untried));
	}

	private static void closeQuietly(SocketChannel socket) {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// Closing ends the attempt either way.
			}
		}
	}

	/**
	 * Connects through Netty, to a proxy, whose handler must see the connection from its start; the request is
	 * written once the channel is connected (behind the proxy's tunnel and the TLS handshake, which the handlers hold
	 * it for). A proxy address that cannot be reached is followed by the next, as a server's are
	 * ({@link #connected}), each on a channel of its own; when none can, the first one's failure is reported, with
	 * the others suppressed by it.
	 * @param next the index of the proxy address to connect to
	 * @param firstFailure the failure of the first address tried, {@code null} for the first
	 */
	private void connectByNetty(InetSocketAddress address, SSLContext tlsContext, byte[] request, int next,
			Throwable firstFailure) {
		int untried = this.proxyAddresses.size() - next;
		this.proxyHandler = this.proxy.handler(this.proxyAddresses.get(next), leftMillis());
		ChannelFuture connect = new Bootstrap().resolver(NoopAddressResolverGroup.INSTANCE)
			.group(EventLoops.group())
			.channelFactory(DirectSocketChannel::new)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis(untried))
			.option(ChannelOption.TCP_NODELAY, this.settings.tcpNoDelay())
			.handler(new ChannelInitializer<Channel>() {

				@Override
				protected void initChannel(Channel channel) {
					channel.pipeline().addLast(ClientHandshake.this.proxyHandler);
					ProxyAnswerCheck.guard(channel.pipeline().context(ClientHandshake.this.proxyHandler));
					if (tlsContext != null) {
						channel.pipeline()
							.addLast(tls(tlsContext, ClientHandshake.this.uri.getHost(), address.getPort()));
					}
					channel.pipeline().addLast(new AnswerReader());
				}

			})
			.connect(address);
		this.channel = connect.channel();
		if (next == 0) {
			startDeadline(connect.channel());
		}
		connect.addListener((done) -> {
			if (done.isSuccess()) {
				connect.channel().writeAndFlush(Unpooled.wrappedBuffer(request));
				return;
			}
			Throwable first = done.cause();
			if (firstFailure != null) {
				firstFailure.addSuppressed(first);
				first = firstFailure;
			}
			if (untried > 1 && !this.over && done.cause() instanceof ConnectException) {
				connectByNetty(address, tlsContext, request, next + 1, first);
			}
			else {
				failed(first);
			}
		});
	}

	private SslHandler tls(SSLContext context, String host, int port) {
		SSLEngine tls = context.createSSLEngine(host, port);
		tls.setUseClientMode(true);
		if (this.settings.verifyHostname()) {
			SSLParameters parameters = tls.getSSLParameters();
			parameters.setEndpointIdentificationAlgorithm("HTTPS");
			tls.setSSLParameters(parameters);
		}
		return new SslHandler(tls);
	}

	/**
	 * Returns the TLS context of the options, else the JVM's default, which is set up on the first call (it reads
	 * the trust store): here, on the connect thread, never on an event loop.
	 */
	private SSLContext tlsContext() throws IOException {
		if (this.settings.sslContext() != null) {
			return this.settings.sslContext();
		}
		try {
			return SSLContext.getDefault();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IOException("No default TLS context: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Writes the request as HTTP/1.1: the request line with the URI's raw path and query, then every header field
	 * of Tyrus' request, {@code Host} and {@code Sec-WebSocket-Key} among them.
	 */
	private static byte[] encode(UpgradeRequest request, URI uri) {
		StringBuilder text = new StringBuilder("GET ");
		text.append((uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath());
		if (uri.getRawQuery() != null) {
			text.append('?').append(uri.getRawQuery());
		}
		text.append(" HTTP/1.1\r\n");
		for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
			text.append(header.getKey()).append(": ").append(String.join(", ", header.getValue())).append("\r\n");
		}
		text.append("\r\n");
		return text.toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	private void answered(ChannelHandlerContext ctx, HandshakeResponse response, ByteBuffer rest) throws IOException {
		if (!end()) {
			return;
		}
		HandshakeLog.response(this.uri, response, this.settings.redactedNames());
		if (response.getStatus() != 101 && !REDIRECTS.contains(response.getStatus())) {
			ctx.close();
			this.engine.processError(new UpgradeRefusedException(response, Instant.now()));
			return;
		}
		PerMessageDeflate.Agreement deflate = null;
		if (response.getStatus() == 101) {
			String problem = SwitchingProtocolsCheck.problem(response, this.key, this.settings.subProtocols());
			if (problem == null) {
				try {
					deflate = PerMessageDeflate.accept(this.settings.deflateOffer(),
							response.getHeaders().getOrDefault(PerMessageDeflate.EXTENSIONS_HEADER, List.of()));
				}
				catch (PerMessageDeflate.NegotiationException ex) {
					problem = "its extensions cannot be accepted: " + ex.getMessage();
				}
			}
			if (problem != null) {
				ctx.close();
				this.engine.processError(new InvalidSwitchException(problem));
				return;
			}
			this.settings.connection().extensionAgreed(deflate);
		}
		ChannelWriter writer = new ChannelWriter(ctx.channel(), (this.proxyHandler == null
				&& ctx.pipeline().get(SslHandler.class) == null && ctx.channel() instanceof DirectSocketChannel plain)
						? plain.socket() : null);
		OutgoingFrames frames = new OutgoingFrames(writer, this.settings.coalesceSends(), ctx.channel().eventLoop(),
				System::nanoTime, this.settings.connection()::failed);
		this.settings.connection().writerReady(frames);
		if (response.getStatus() == 101) {
			this.settings.connection().reached(this.uri);
		}
		ClientEngine.ClientUpgradeInfo info;
		try {
			info = this.engine.processResponse(response, frames, (reason) -> writer.close());
		}
		catch (RuntimeException ex) {
			ctx.close();
			this.engine.processError(ex);
			return;
		}
		switch (info.getUpgradeStatus()) {
			case SUCCESS -> upgraded(ctx, deflate, rest);
			case ANOTHER_UPGRADE_REQUEST_REQUIRED -> {
				ctx.close();
				SharedExecutors.connector().execute(this::again);
			}
			case UPGRADE_REQUEST_FAILED -> ctx.close();
		}
	}

	/**
	 * Hands the channel to the frame reader: from here on every byte is the connection's, starting with those that
	 * came in the same read as the answer.
	 */
	private void upgraded(ChannelHandlerContext ctx, PerMessageDeflate.Agreement deflate, ByteBuffer rest) {
		boolean inline = this.settings.gate() == null;
		FrameChannelHandler frames = new FrameChannelHandler(this.settings, deflate, inline);
		if (inline) {
			ctx.channel().config().setAutoRead(false);
			ctx.pipeline().addAfter(EventLoops.inlineGroup(), ctx.name(), "frames", frames);
		}
		else {
			ctx.pipeline().addAfter(ctx.name(), "frames", frames);
		}
		ctx.fireChannelRead(Unpooled.wrappedBuffer(rest));
		ctx.pipeline().remove(ctx.handler());
	}

	private void again() {
		try {
			boolean secure = (this.secureOrigin != null) ? this.secureOrigin
					: "wss".equalsIgnoreCase(this.uri.getScheme());
			new ClientHandshake(this.engine, this.settings, secure, this.deadline).start();
		}
		catch (IOException | RuntimeException ex) {
			this.engine.processError(ex);
		}
	}

	/**
	 * Reports a failure to the engine, once; before a proxy's tunnel is open, as the proxy's failure.
	 */
	private void failed(Throwable cause) {
		if (end()) {
			boolean beforeTunnel = this.proxyHandler != null && !this.proxyHandler.isConnected();
			this.engine.processError(beforeTunnel ? this.proxy.failure(unwrapped(cause)) : cause);
		}
	}

	private static Throwable unwrapped(Throwable cause) {
		Throwable current = cause;
		while (current.getCause() != null && !(current instanceof ConnectException)
				&& current != current.getCause()) {
			current = current.getCause();
		}
		return (current instanceof ConnectException) ? current : cause;
	}

	/**
	 * The handshake's time is up before the server answered: reported as a timeout, as Tyrus' own would be.
	 */
	private void deadlinePassed() {
		if (!this.over) {
			failed(new SocketTimeoutException("The opening handshake took longer than "
					+ this.settings.connectTimeoutMillis() + " ms"));
			Channel current = this.channel;
			if (current != null) {
				current.close();
			}
		}
	}

	/**
	 * Ends the handshake, once: an answer, a failure and the deadline may come on different threads (through a
	 * proxy, channels to two of its addresses may be on two event loops).
	 * @return whether this call ended it
	 */
	private synchronized boolean end() {
		if (this.over) {
			return false;
		}
		this.over = true;
		stopDeadline();
		return true;
	}

	/**
	 * Starts the timer that ends the handshake at its deadline, on the event loop of its (first) channel. Tyrus'
	 * own timer runs a little longer ({@link TyrusConnector}), so this one decides, and a handshake that runs out of
	 * time through a proxy whose tunnel is not open yet is the proxy's timeout.
	 */
	private void startDeadline(Channel channel) {
		if (!this.over) {
			this.deadlineTimer = channel.eventLoop()
				.schedule(this::deadlinePassed, this.deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
		}
	}

	private void stopDeadline() {
		ScheduledFuture<?> timer = this.deadlineTimer;
		if (timer != null) {
			timer.cancel(false);
		}
	}

	/**
	 * Tyrus gave up waiting for the handshake: it reports the timeout itself.
	 */
	private void timedOut() {
		end();
		closeQuietly(this.connecting);
		Channel current = this.channel;
		if (current != null) {
			current.close();
		}
	}

	/**
	 * Reads the answer's head on one channel of this handshake and reports the channel's end or failure.
	 */
	private final class AnswerReader extends ChannelInboundHandlerAdapter {

		private final HandshakeResponse.Reader head = new HandshakeResponse.Reader();

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object message) throws IOException {
			ByteBuf bytes = (ByteBuf) message;
			if (ClientHandshake.this.over) {
				bytes.release();
				return;
			}
			byte[] array = new byte[bytes.readableBytes()];
			bytes.readBytes(array);
			bytes.release();
			int end = this.head.read(array, 0, array.length);
			if (end >= 0) {
				answered(ctx, this.head.response(), ByteBuffer.wrap(array, end, array.length - end));
			}
		}

		@Override
		public void channelInactive(ChannelHandlerContext ctx) {
			failed(new HandshakeClosedException());
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
			failed(cause);
			ctx.close();
		}

	}

	/**
	 * A redirect this client does not follow.
	 */
	static final class RedirectRefusedException extends IOException {

		RedirectRefusedException(String message) {
			super(message);
		}

	}

	/**
	 * A {@code 101} answer that RFC 6455 section 4.1 (or RFC 7692 section 5, for its extensions) says the client
	 * must fail.
	 */
	static final class InvalidSwitchException extends IOException {

		InvalidSwitchException(String problem) {
			super(problem);
		}

	}

	/**
	 * The server closed the connection before it answered the opening handshake.
	 */
	static final class HandshakeClosedException extends IOException {

		HandshakeClosedException() {
			super("The server closed the connection during the opening handshake");
		}

	}

}
