package io.incore.websocket;

import java.io.IOException;
import java.nio.ByteBuffer;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

/**
 * One connection attempt on Tyrus and, once the handshake succeeded, the connection it became. Forwards every
 * Tyrus callback to its {@link Listener}; sends are serialised because a Tyrus session must not be written by
 * two threads at once.
 */
final class TyrusConnection extends Endpoint {

	/**
	 * Receives the events of one connection, on Tyrus' threads.
	 */
	interface Listener {

		void opened(TyrusConnection connection, String negotiatedSubProtocol);

		void textReceived(String message);

		void binaryReceived(byte[] message);

		void closed(int code, String reason);

		void failed(Throwable failure);

	}

	private final Listener listener;

	private final Object sendLock = new Object();

	private volatile Session session;

	private volatile boolean abandoned;

	TyrusConnection(Listener listener) {
		this.listener = listener;
	}

	@Override
	public void onOpen(Session session, EndpointConfig config) {
		this.session = session;
		if (this.abandoned) {
			closeQuietly(1000, "");
			return;
		}
		session.addMessageHandler(String.class, (MessageHandler.Whole<String>) this.listener::textReceived);
		session.addMessageHandler(byte[].class, (MessageHandler.Whole<byte[]>) this.listener::binaryReceived);
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

	/**
	 * Gives the attempt up: a connection that opens later is closed at once.
	 */
	void abandon() {
		this.abandoned = true;
		closeQuietly(1000, "");
	}

	/**
	 * Starts the close handshake with the given code; never throws.
	 */
	void closeQuietly(int code, String reason) {
		Session current = this.session;
		if (current == null) {
			return;
		}
		try {
			current.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
		}
		catch (IOException | RuntimeException ex) {
			this.listener.failed(ex);
		}
	}

}
