package io.incore.websocket;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;

/**
 * A {@code wss://} server that controls which TLS records reach the socket in one write: built on an
 * {@link SSLEngine} over a plain socket, it completes the TLS and WebSocket handshakes and then lets a test write,
 * e.g., a close frame and {@code close_notify} together, as some servers and relays do. One connection; its thread
 * belongs to {@link TestServer#THREADS}.
 */
final class TlsRecordServer implements AutoCloseable {

	private final ServerSocket listener;

	TlsRecordServer(SSLContext context, Behaviour behaviour) throws IOException {
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread thread = new Thread(TestServer.THREADS, () -> {
			try (Socket socket = this.listener.accept()) {
				Connection connection = new Connection(context.createSSLEngine(), socket);
				connection.handshakes();
				behaviour.run(connection);
			}
			catch (IOException ex) {
				// The client went away.
			}
		}, TestServer.SERVER_THREAD_PREFIX + "tls-records");
		thread.setDaemon(true);
		thread.start();
	}

	int port() {
		return this.listener.getLocalPort();
	}

	@Override
	public void close() throws IOException {
		this.listener.close();
	}

	/**
	 * What the server does once both handshakes are done.
	 */
	interface Behaviour {

		void run(Connection connection) throws IOException;

	}

	/**
	 * One TLS connection, read and written record by record.
	 */
	static final class Connection {

		private final SSLEngine engine;

		private final InputStream in;

		private final OutputStream out;

		private ByteBuffer netIn = ByteBuffer.allocate(0);

		private final ByteArrayOutputStream plain = new ByteArrayOutputStream();

		Connection(SSLEngine engine, Socket socket) throws IOException {
			this.engine = engine;
			this.engine.setUseClientMode(false);
			this.in = socket.getInputStream();
			this.out = socket.getOutputStream();
		}

		void handshakes() throws IOException {
			this.engine.beginHandshake();
			HandshakeStatus status = this.engine.getHandshakeStatus();
			while (status != HandshakeStatus.FINISHED && status != HandshakeStatus.NOT_HANDSHAKING) {
				switch (status) {
					case NEED_WRAP -> status = wrapInto(new ByteArrayOutputStream(), ByteBuffer.allocate(0), true);
					case NEED_TASK -> {
						Runnable task;
						while ((task = this.engine.getDelegatedTask()) != null) {
							task.run();
						}
						status = this.engine.getHandshakeStatus();
					}
					default -> status = unwrap();
				}
			}
			String request = readPlainUntil("\r\n\r\n");
			write(false, RawWebSocketServer.switchingProtocols(request, "").getBytes(StandardCharsets.US_ASCII));
		}

		/**
		 * Encrypts each piece as its own record and, if asked, adds {@code close_notify}; all in one socket write.
		 */
		void write(boolean closeNotify, byte[]... pieces) throws IOException {
			ByteArrayOutputStream records = new ByteArrayOutputStream();
			for (byte[] piece : pieces) {
				wrapInto(records, ByteBuffer.wrap(piece), false);
			}
			if (closeNotify) {
				this.engine.closeOutbound();
				while (!this.engine.isOutboundDone()) {
					wrapInto(records, ByteBuffer.allocate(0), false);
				}
			}
			this.out.write(records.toByteArray());
			this.out.flush();
		}

		/**
		 * Encrypts the piece as one record, changes the last byte of the record (its integrity tag) and writes it:
		 * a record that fails the client's integrity check, as a corrupting middlebox or an attack would make.
		 */
		void writeTampered(byte[] piece) throws IOException {
			ByteArrayOutputStream record = new ByteArrayOutputStream();
			wrapInto(record, ByteBuffer.wrap(piece), false);
			byte[] bytes = record.toByteArray();
			bytes[bytes.length - 1] ^= 0x01;
			this.out.write(bytes);
			this.out.flush();
		}

		private HandshakeStatus wrapInto(ByteArrayOutputStream records, ByteBuffer source, boolean send)
				throws IOException {
			ByteBuffer net = ByteBuffer.allocate(this.engine.getSession().getPacketBufferSize());
			SSLEngineResult result = this.engine.wrap(source, net);
			records.write(net.array(), 0, net.position());
			if (send) {
				this.out.write(records.toByteArray());
				this.out.flush();
			}
			return result.getHandshakeStatus();
		}

		private HandshakeStatus unwrap() throws IOException {
			while (true) {
				ByteBuffer app = ByteBuffer.allocate(this.engine.getSession().getApplicationBufferSize());
				SSLEngineResult result = this.engine.unwrap(this.netIn, app);
				this.plain.write(app.array(), 0, app.position());
				if (result.getStatus() != SSLEngineResult.Status.BUFFER_UNDERFLOW) {
					return result.getHandshakeStatus();
				}
				readMore();
			}
		}

		private void readMore() throws IOException {
			byte[] chunk = new byte[this.engine.getSession().getPacketBufferSize()];
			int read = this.in.read(chunk);
			if (read < 0) {
				throw new EOFException("The client closed the connection");
			}
			ByteBuffer joined = ByteBuffer.allocate(this.netIn.remaining() + read);
			joined.put(this.netIn).put(chunk, 0, read).flip();
			this.netIn = joined;
		}

		/**
		 * Reads until the decrypted text holds the marker, and returns that text.
		 */
		String readPlainUntil(String marker) throws IOException {
			while (!this.plain.toString(StandardCharsets.ISO_8859_1).contains(marker)) {
				if (!this.netIn.hasRemaining()) {
					readMore();
				}
				unwrap();
			}
			String text = this.plain.toString(StandardCharsets.ISO_8859_1);
			this.plain.reset();
			return text;
		}

		/**
		 * Reads until the client closes the connection.
		 */
		void drain() throws IOException {
			while (this.in.read() != -1) {
				// discard
			}
		}

	}

}
