package io.incore.websocket.internal.session;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

import io.incore.websocket.SendBuffer;
import io.incore.websocket.internal.frame.Utf8;

/**
 * The messages waiting to be sent on the next (or the just opened) connection, in order: first the connect
 * messages of the current connection, then what the application sent while the connection was re-established or
 * while those were still being written. Only the application's messages count against the {@link SendBuffer}'s
 * bounds. Not thread-safe: the session guards it with its lock.
 */
final class Outbox {

	private final ArrayDeque<Outgoing> messages = new ArrayDeque<>();

	private int buffered;

	private long bufferedBytes;

	private volatile long dropped;

	/**
	 * Queues a message of the application within the buffer's bounds, dropping the oldest ones first if the
	 * buffer's overflow policy says so.
	 * @param message the message
	 * @param bounds the bounds, {@code null} for none (only while connect messages are being written)
	 * @return whether it was queued
	 */
	boolean offer(Outgoing message, SendBuffer bounds) {
		if (bounds != null) {
			if (message.bytes() > bounds.maxBytes()) {
				return false;
			}
			while (this.buffered + 1 > bounds.maxMessages() || this.bufferedBytes + message.bytes() > bounds.maxBytes()) {
				if (bounds.overflow() == SendBuffer.Overflow.REJECT || !dropOldest()) {
					return false;
				}
			}
		}
		this.messages.add(message);
		this.buffered++;
		this.bufferedBytes += message.bytes();
		return true;
	}

	/**
	 * Puts the connect messages of a new connection first, replacing those of an earlier one still queued.
	 * @param connectMessages the messages, in order
	 */
	void startConnection(List<String> connectMessages) {
		this.messages.removeIf(Outgoing::connect);
		for (int i = connectMessages.size() - 1; i >= 0; i--) {
			this.messages.addFirst(Outgoing.connect(connectMessages.get(i)));
		}
	}

	/**
	 * Takes the next message to write.
	 * @return the message, {@code null} if none is queued
	 */
	Outgoing poll() {
		Outgoing next = this.messages.poll();
		if (next != null && !next.connect()) {
			this.buffered--;
			this.bufferedBytes -= next.bytes();
		}
		return next;
	}

	/**
	 * Drops every queued message: no connection is going to carry them.
	 */
	void clear() {
		this.dropped += this.buffered;
		this.messages.clear();
		this.buffered = 0;
		this.bufferedBytes = 0;
	}

	private boolean dropOldest() {
		for (Iterator<Outgoing> iterator = this.messages.iterator(); iterator.hasNext();) {
			Outgoing oldest = iterator.next();
			if (!oldest.connect()) {
				iterator.remove();
				this.buffered--;
				this.bufferedBytes -= oldest.bytes();
				this.dropped++;
				return true;
			}
		}
		return false;
	}

	boolean isEmpty() {
		return this.messages.isEmpty();
	}

	/**
	 * Returns the application's messages waiting.
	 * @return the count
	 */
	int depth() {
		return this.buffered;
	}

	/**
	 * Returns the application's messages dropped so far, by the overflow policy or because no connection was
	 * going to carry them.
	 * @return the count
	 */
	long dropped() {
		return this.dropped;
	}

	/**
	 * A message waiting: text or binary.
	 *
	 * @param text the text, {@code null} for a binary message
	 * @param binary the payload of a binary message
	 * @param bytes the payload bytes, text in UTF-8
	 * @param connect whether it is a connect message
	 */
	record Outgoing(String text, byte[] binary, long bytes, boolean connect) {

		static Outgoing text(String text) {
			return new Outgoing(text, null, Utf8.encodedLength(text), false);
		}

		static Outgoing binary(byte[] binary) {
			return new Outgoing(null, binary, binary.length, false);
		}

		static Outgoing connect(String text) {
			return new Outgoing(text, null, Utf8.encodedLength(text), true);
		}

	}

}
