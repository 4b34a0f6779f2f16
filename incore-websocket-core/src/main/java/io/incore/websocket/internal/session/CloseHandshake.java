package io.incore.websocket.internal.session;

import io.incore.websocket.internal.frame.Rfc6455;

/**
 * The close handshake of one connection (RFC 6455 section 7) as pure state transitions: each method takes one
 * event and tells its caller what to do, so every path can be tested without a socket, and the connection keeps
 * the I/O. Not thread-safe: the connection calls it under its lock.
 * <ul>
 * <li><b>Client-initiated:</b> {@link #closeRequested()} from {@code OPEN} goes to {@code CLOSE_SENT}; the
 * server's close frame ({@link #closeReceived}) or the close timeout ({@link #timedOut()}) ends it.</li>
 * <li><b>Server-initiated:</b> its close frame goes to {@code CLOSE_RECEIVED}; our answer is due once the messages
 * before it were delivered ({@link #answer()}), with the server's code, or 1000 for an empty payload.</li>
 * <li><b>Failed by us:</b> a protocol violation goes to {@code FAILING}; our close frame with its code is due once
 * the messages before it were delivered ({@link #fail()}).</li>
 * <li><b>Transport ended</b> in any state ({@link #transportEnded()}): the connection is closed at once.</li>
 * </ul>
 * Sending stays possible until our close frame is written, so that listeners can answer the last messages.
 * {@link #code()} is what the application is told once {@code CLOSED}: the server's valid code (1005 for an empty
 * payload), the code we failed the connection with, or 1006 when no close frame came.
 */
public final class CloseHandshake {

	private State state = State.OPEN;

	private int code = Rfc6455.CLOSE_ABNORMAL;

	private String reason = "";

	/**
	 * The application asks to close.
	 * @return whether a close frame is to be sent now, and the server's answer awaited
	 */
	public boolean closeRequested() {
		if (this.state != State.OPEN) {
			return false;
		}
		this.state = State.CLOSE_SENT;
		return true;
	}

	/**
	 * The server's valid close frame arrived.
	 * @param code its code
	 * @param reason its reason
	 * @return whether the connection is closed now (it answered ours); else our answer is due, see
	 * {@link #answer()}
	 */
	public boolean closeReceived(int code, String reason) {
		if (this.state == State.OPEN || this.state == State.CLOSE_SENT) {
			this.code = code;
			this.reason = reason;
			if (this.state == State.CLOSE_SENT) {
				this.state = State.CLOSED;
				return true;
			}
			this.state = State.CLOSE_RECEIVED;
		}
		return false;
	}

	/**
	 * Our answer to the server's close frame is due.
	 * @return the code to answer with, or -1 if no answer is due
	 */
	public int answer() {
		if (this.state != State.CLOSE_RECEIVED) {
			return -1;
		}
		this.state = State.CLOSED;
		return (this.code == Rfc6455.CLOSE_NO_STATUS) ? Rfc6455.CLOSE_NORMAL : this.code;
	}

	/**
	 * The server broke the protocol.
	 * @param closeCode the code to fail the connection with
	 * @param description the reason to send with it
	 * @return whether the connection is closed now (our close frame had been sent already); else our close frame is
	 * due, see {@link #fail()}
	 */
	public boolean violated(int closeCode, String description) {
		if (this.state == State.CLOSE_SENT) {
			this.state = State.CLOSED;
			return true;
		}
		if (this.state == State.OPEN || this.state == State.CLOSE_RECEIVED) {
			this.state = State.FAILING;
			this.code = closeCode;
			this.reason = description;
		}
		return false;
	}

	/**
	 * Our close frame that fails the connection is due.
	 * @return the code to send, or -1 if none is due
	 */
	public int fail() {
		if (this.state != State.FAILING) {
			return -1;
		}
		this.state = State.CLOSED;
		return this.code;
	}

	/**
	 * The close timeout passed.
	 * @return whether the connection is closed now because the server never answered
	 */
	public boolean timedOut() {
		if (this.state != State.CLOSE_SENT) {
			return false;
		}
		this.state = State.CLOSED;
		return true;
	}

	/**
	 * TCP or TLS ended, in whatever state.
	 * @return whether this closed the connection (it was not closed before)
	 */
	public boolean transportEnded() {
		if (this.state == State.CLOSED) {
			return false;
		}
		this.state = State.CLOSED;
		return true;
	}

	/**
	 * Whether a message may still be sent: until our close frame is written.
	 * @return whether sending is allowed
	 */
	public boolean canSend() {
		return this.state == State.OPEN || this.state == State.CLOSE_RECEIVED || this.state == State.FAILING;
	}

	/**
	 * The state.
	 * @return the state
	 */
	public State state() {
		return this.state;
	}

	/**
	 * The close code the application is told, valid once {@code CLOSED}.
	 * @return the code
	 */
	public int code() {
		return this.code;
	}

	/**
	 * The close reason that goes with {@link #code()}.
	 * @return the reason, possibly empty
	 */
	public String reason() {
		return this.reason;
	}

	/**
	 * The states of the close handshake.
	 */
	public enum State {

		/** Messages flow both ways. */
		OPEN,
		/** We sent our close frame and wait for the server's. */
		CLOSE_SENT,
		/** The server sent its close frame; our answer is due. */
		CLOSE_RECEIVED,
		/** The server broke the protocol; our close frame is due. */
		FAILING,
		/** Over: nothing more is sent or read. */
		CLOSED

	}

}
