package io.incore.websocket;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;

/**
 * One connection attempt on Tyrus and, once the handshake succeeded, the connection it became. Forwards every
 * Tyrus callback and every guard event to its {@link Listener}.
 * <p>
 * Messages and pings are encoded here ({@link ClientFrames}) and handed to the connection's {@link OutgoingFrames},
 * each frame whole, so frames never interleave with each other or with the pongs and the close frame Tyrus
 * writes. Tyrus' own send path encodes and masks byte by byte and restarts an idle timer per message, and was
 * half of a sending thread's work. Nothing is sent once the close handshake started, and a send returns once its
 * frame is written to the socket, or at once if the frame was held to leave together with the next ones, of which
 * a connection holds a bounded amount; either way a server that reads slowly holds senders up rather than making a
 * queue grow.
 */
final class TyrusConnection extends Endpoint implements TransportEvents {

	/**
	 * Receives the events of one connection, on the transport's threads.
	 */
	interface Listener {

		void opened(TyrusConnection connection, String negotiatedSubProtocol);

		/**
		 * A text message arrived.
		 * @param message the text
		 * @param encodedLength its size in bytes, as received
		 */
		void textReceived(String message, long encodedLength);

		void binaryReceived(byte[] message);

		void pongReceived(ByteBuffer payload);

		/** Tyrus considers the session closed: after a close frame either way, or a broken connection. */
		void closed(int code, String reason);

		void failed(Throwable failure);

		void messageTooBig(long announcedSize, long maxMessageSize);

		void closeFrameReceived(int code, String reason);

		/** The TCP connection is gone. */
		void transportClosed();

	}

	private final Listener listener;

	private final Object sendLock = new Object();

	private final MaskingKeys maskingKeys = new MaskingKeys();

	private boolean closing;

	private volatile Session session;

	private volatile DeferredCloseWriter writer;

	private volatile boolean abandoned;

	TyrusConnection(Listener listener) {
		this.listener = listener;
	}

	@Override
	public void onOpen(Session session, EndpointConfig config) {
		this.session = session;
		if (this.abandoned) {
			close(CloseReason.CloseCodes.NORMAL_CLOSURE, "");
			return;
		}
		session.addMessageHandler(String.class,
				(MessageHandler.Whole<String>) (text) -> this.listener.textReceived(text, Utf8.encodedLength(text)));
		session.addMessageHandler(byte[].class, (MessageHandler.Whole<byte[]>) this.listener::binaryReceived);
		session.addMessageHandler(PongMessage.class,
				(MessageHandler.Whole<PongMessage>) (pong) -> this.listener.pongReceived(pong.getApplicationData()));
		this.listener.opened(this, session.getNegotiatedSubprotocol());
	}

	@Override
	public void onClose(Session session, CloseReason closeReason) {
		this.listener.closed(closeReason.getCloseCode().getCode(), closeReason.getReasonPhrase());
	}

	@Override
	public void onError(Session session, Throwable failure) {
		this.listener.failed(failure);
	}

	/**
	 * Forwards a message the frame guard read, under the rules Tyrus applies to those it reads: nothing once the
	 * session is closed, and a failing listener is reported as an error.
	 */
	@Override
	public void textReceived(String message, int encodedLength) {
		if (isOpen()) {
			try {
				this.listener.textReceived(message, encodedLength);
			}
			catch (RuntimeException ex) {
				this.listener.failed(ex);
			}
		}
	}

	@Override
	public void binaryReceived(byte[] message) {
		if (isOpen()) {
			try {
				this.listener.binaryReceived(message);
			}
			catch (RuntimeException ex) {
				this.listener.failed(ex);
			}
		}
	}

	private boolean isOpen() {
		Session current = this.session;
		return current != null && current.isOpen();
	}

	@Override
	public void messageTooBig(long announcedSize, long maxMessageSize) {
		this.listener.messageTooBig(announcedSize, maxMessageSize);
	}

	@Override
	public void closeFrameReceived(int code, String reason) {
		closing();
		this.listener.closeFrameReceived(code, reason);
		DeferredCloseWriter current = this.writer;
		if (current != null) {
			current.peerClosed();
		}
	}

	@Override
	public void transportClosed() {
		this.listener.transportClosed();
	}

	@Override
	public void heldFramesFailed(Throwable failure) {
		this.listener.failed(failure);
	}

	void writerReady(DeferredCloseWriter writer) {
		this.writer = writer;
	}

	/**
	 * Returns whether the socket sends every frame at once, or {@code null} before it is open or if the socket
	 * cannot be reached; for tests.
	 */
	Boolean tcpNoDelay() {
		DeferredCloseWriter current = this.writer;
		return (current != null) ? SharedTransport.tcpNoDelay(current.frames().transport()) : null;
	}

	/**
	 * Sends a text message.
	 * @return its size in bytes, as sent: UTF-8, with {@code '?'} for an unpaired surrogate as the JDK encodes it
	 */
	int sendText(String message) throws IOException {
		byte[] payload = message.getBytes(StandardCharsets.UTF_8);
		send(ClientFrames.OPCODE_TEXT, payload);
		return payload.length;
	}

	void sendBinary(byte[] message) throws IOException {
		send(ClientFrames.OPCODE_BINARY, message);
	}

	void sendPing(byte[] payload) throws IOException {
		send(ClientFrames.OPCODE_PING, payload);
	}

	/**
	 * Sends one frame and, unless it was held to leave with the next ones ({@link OutgoingFrames}), waits until it
	 * is written.
	 */
	private void send(int opcode, byte[] payload) throws IOException {
		OutgoingFrames.Sent sent;
		synchronized (this.sendLock) {
			if (this.closing || !isOpen()) {
				throw new IOException("The connection is closing; nothing more can be sent on it");
			}
			sent = this.writer.frames().send(ClientFrames.encode(opcode, payload, this.maskingKeys.next()));
		}
		sent.await();
	}

	private void closing() {
		synchronized (this.sendLock) {
			this.closing = true;
		}
	}

	/**
	 * Gives the attempt up: a connection that opens later is closed at once.
	 */
	void abandon() {
		this.abandoned = true;
		close(CloseReason.CloseCodes.NORMAL_CLOSURE, "");
	}

	/**
	 * Drops a connection whose peer stopped answering: sends a close frame but does not wait for the answer.
	 */
	void terminate(CloseReason.CloseCode code, String reason) {
		this.abandoned = true;
		DeferredCloseWriter current = this.writer;
		if (current != null) {
			current.closeWithoutWaiting();
		}
		close(code, reason);
	}

	/**
	 * Starts the close handshake; never throws. The TCP connection closes once the server answered, or after
	 * the close timeout.
	 */
	void close(CloseReason.CloseCode code, String reason) {
		Session current = this.session;
		if (current == null || !current.isOpen()) {
			return;
		}
		closing();
		try {
			current.close(new CloseReason(code, reason));
		}
		catch (IOException | RuntimeException ex) {
			this.listener.failed(ex);
		}
	}

}
