package io.incore.websocket;

import java.io.IOException;
import java.nio.ByteBuffer;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;

/**
 * One connection attempt on Tyrus and, once the handshake succeeded, the connection it became. Forwards every
 * Tyrus callback and every guard event to its {@link Listener}; sends are serialised because a Tyrus session
 * must not be written by two threads at once.
 */
final class TyrusConnection extends Endpoint implements TransportEvents {

	/**
	 * Receives the events of one connection, on the transport's threads.
	 */
	interface Listener {

		void opened(TyrusConnection connection, String negotiatedSubProtocol);

		void textReceived(String message);

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
		session.addMessageHandler(String.class, (MessageHandler.Whole<String>) this.listener::textReceived);
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

	@Override
	public void messageTooBig(long announcedSize, long maxMessageSize) {
		this.listener.messageTooBig(announcedSize, maxMessageSize);
	}

	@Override
	public void closeFrameReceived(int code, String reason) {
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

	void writerReady(DeferredCloseWriter writer) {
		this.writer = writer;
	}

	void sendText(String message) throws IOException {
		synchronized (this.sendLock) {
			this.session.getBasicRemote().sendText(message);
		}
	}

	void sendBinary(byte[] message) throws IOException {
		synchronized (this.sendLock) {
			this.session.getBasicRemote().sendBinary(ByteBuffer.wrap(message));
		}
	}

	void sendPing(ByteBuffer payload) throws IOException {
		synchronized (this.sendLock) {
			this.session.getBasicRemote().sendPing(payload);
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
		try {
			current.close(new CloseReason(code, reason));
		}
		catch (IOException | RuntimeException ex) {
			this.listener.failed(ex);
		}
	}

}
