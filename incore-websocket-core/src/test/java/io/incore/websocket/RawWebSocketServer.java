package io.incore.websocket;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WebSocket server written on plain sockets, for peers that misbehave on purpose: it completes the opening
 * handshake and then hands the connection to a {@link Behaviour}. Its threads belong to
 * {@link TestServer#THREADS}.
 */
final class RawWebSocketServer implements AutoCloseable {

	private static final Pattern KEY = Pattern.compile("(?im)^Sec-WebSocket-Key:\\s*(\\S+)\\s*$");

	private final ServerSocket listener;

	private final Behaviour behaviour;

	private final String extensions;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	RawWebSocketServer(int port, Behaviour behaviour) throws IOException {
		this(port, null, behaviour);
	}

	/**
	 * Starts a server that answers every handshake with the given extensions.
	 * @param extensions the {@code Sec-WebSocket-Extensions} of the answer, {@code null} for none
	 */
	RawWebSocketServer(int port, String extensions, Behaviour behaviour) throws IOException {
		this.extensions = extensions;
		this.listener = new ServerSocket();
		this.listener.setReuseAddress(true);
		this.listener.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		this.behaviour = behaviour;
		Thread acceptor = new Thread(TestServer.THREADS, this::acceptLoop, TestServer.SERVER_THREAD_PREFIX + "raw");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return this.listener.getLocalPort();
	}

	String url() {
		return "ws://127.0.0.1:" + port() + "/raw";
	}

	/**
	 * Returns the value of a header of every upgrade request received so far, in order.
	 * @param name the header's name
	 * @return the values, {@code null} where a request had no such header
	 */
	List<String> requestHeader(String name) {
		Pattern header = Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.*?)\\s*$");
		return this.requests.stream().map((request) -> {
			Matcher matcher = header.matcher(request);
			return matcher.find() ? matcher.group(1) : null;
		}).toList();
	}

	/** Stops accepting; established connections stay as they are. */
	void stopAccepting() throws IOException {
		this.listener.close();
	}

	private void acceptLoop() {
		while (!this.listener.isClosed()) {
			try {
				Socket socket = this.listener.accept();
				socket.setTcpNoDelay(true);
				this.sockets.add(socket);
				Thread handler = new Thread(TestServer.THREADS, () -> serve(socket),
						TestServer.SERVER_THREAD_PREFIX + "raw-connection");
				handler.setDaemon(true);
				handler.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket socket) {
		try {
			InputStream in = socket.getInputStream();
			OutputStream out = socket.getOutputStream();
			String request = readRequest(in);
			this.requests.add(request);
			if (!KEY.matcher(request).find()) {
				socket.close();
				return;
			}
			out.write(switchingProtocols(request,
					(this.extensions != null) ? "Sec-WebSocket-Extensions: " + this.extensions + "\r\n" : "")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			this.behaviour.run(new DataInputStream(in), out);
		}
		catch (IOException ex) {
			// The client went away.
		}
	}

	/**
	 * Reads an HTTP request head, up to and with its empty line.
	 */
	static String readRequest(InputStream in) throws IOException {
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		while (matched < 4) {
			int b = in.read();
			if (b == -1) {
				throw new IOException("Connection closed during the handshake");
			}
			request.write(b);
			matched = (b == end[matched]) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		return request.toString(StandardCharsets.US_ASCII);
	}

	/**
	 * Returns the {@code 101} answer to an upgrade request: its {@code Sec-WebSocket-Accept}, the usual
	 * {@code Upgrade} and {@code Connection} fields and the extra fields given (each ending in CRLF).
	 * @throws IOException if the request has no {@code Sec-WebSocket-Key}
	 */
	static String switchingProtocols(String request, String extraFields) throws IOException {
		return "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
				+ "Sec-WebSocket-Accept: " + acceptFor(request) + "\r\n" + extraFields + "\r\n";
	}

	/**
	 * Returns the {@code Sec-WebSocket-Accept} value that answers the key of an upgrade request.
	 * @throws IOException if the request has no {@code Sec-WebSocket-Key}
	 */
	static String acceptFor(String request) throws IOException {
		Matcher key = KEY.matcher(request);
		if (!key.find()) {
			throw new IOException("No Sec-WebSocket-Key in the request");
		}
		return accept(key.group(1));
	}

	static String accept(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1")
				.digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Reads one frame sent by the client (masked) and returns its first byte, whether it was masked, and its
	 * unmasked payload.
	 */
	static Frame readFrame(DataInputStream in) throws IOException {
		int first = in.readUnsignedByte();
		int second = in.readUnsignedByte();
		long length = second & 0x7F;
		if (length == 126) {
			length = in.readUnsignedShort();
		}
		else if (length == 127) {
			length = in.readLong();
		}
		byte[] mask = new byte[4];
		if ((second & 0x80) != 0) {
			in.readFully(mask);
		}
		byte[] payload = new byte[(int) length];
		in.readFully(payload);
		for (int i = 0; i < payload.length; i++) {
			payload[i] ^= mask[i % 4];
		}
		return new Frame(first, (second & 0x80) != 0, payload);
	}

	/**
	 * Reads frames sent by the client up to its close frame.
	 * @return the close frame's code
	 */
	static int readCloseCode(DataInputStream in) throws IOException {
		Frame frame;
		do {
			frame = readFrame(in);
		}
		while (frame.opcode() != 8);
		return frame.closeCode();
	}

	/**
	 * Encodes one unmasked server frame.
	 * @param firstByte the frame's first byte: FIN, reserved bits and opcode
	 */
	static byte[] frame(int firstByte, byte[] payload) {
		ByteArrayOutputStream frame = new ByteArrayOutputStream();
		try {
			writeFrame(frame, firstByte, payload, false);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return frame.toByteArray();
	}

	/**
	 * Writes one unmasked, final server frame.
	 */
	static void writeFrame(OutputStream out, int opcode, byte[] payload) throws IOException {
		writeFrame(out, 0x80 | opcode, payload, true);
	}

	/**
	 * Writes one unmasked server frame, its length in the shortest form: up to 125 bytes in the second byte, then
	 * in 16 bits, then in 64.
	 * @param firstByte the frame's first byte: FIN, reserved bits and opcode
	 * @param flush whether to flush the frame out now
	 */
	static void writeFrame(OutputStream out, int firstByte, byte[] payload, boolean flush) throws IOException {
		DataOutputStream data = new DataOutputStream(out);
		data.write(firstByte);
		if (payload.length <= 125) {
			data.write(payload.length);
		}
		else if (payload.length <= 0xFFFF) {
			data.write(126);
			data.writeShort(payload.length);
		}
		else {
			data.write(127);
			data.writeLong(payload.length);
		}
		data.write(payload);
		if (flush) {
			out.flush();
		}
	}

	@Override
	public void close() throws IOException {
		this.listener.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

	/**
	 * What the server does once the handshake is done.
	 */
	interface Behaviour {

		void run(DataInputStream in, OutputStream out) throws IOException;

	}

	/**
	 * A frame from the client.
	 *
	 * @param firstByte FIN, reserved bits and opcode
	 * @param masked whether the mask bit was set
	 * @param payload the unmasked payload
	 */
	record Frame(int firstByte, boolean masked, byte[] payload) {

		int opcode() {
			return this.firstByte & 0x0F;
		}

		int closeCode() {
			return ((this.payload[0] & 0xFF) << 8) | (this.payload[1] & 0xFF);
		}

	}

}
