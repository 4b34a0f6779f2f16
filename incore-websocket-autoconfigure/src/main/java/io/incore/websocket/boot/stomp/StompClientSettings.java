package io.incore.websocket.boot.stomp;

import java.time.Duration;
import java.util.List;

/**
 * The STOMP settings of one client.
 *
 * @param host the virtual host of the CONNECT frame, {@code null} for none
 * @param login the login of the CONNECT frame, {@code null} for none
 * @param passcode the passcode of the CONNECT frame, {@code null} for none; never shown
 * @param heartbeatOutgoing the client's heartbeat interval, zero for none
 * @param heartbeatIncoming the server's heartbeat interval asked for, zero for none
 * @param autoReceipt whether subscriptions and sends ask for receipts
 * @param subscriptions the subscriptions made after every CONNECT
 */
public record StompClientSettings(String host, String login, String passcode, Duration heartbeatOutgoing,
		Duration heartbeatIncoming, boolean autoReceipt, List<Subscription> subscriptions) {

	/**
	 * Copies the subscriptions.
	 * @param host the virtual host
	 * @param login the login
	 * @param passcode the passcode
	 * @param heartbeatOutgoing the client's heartbeat interval
	 * @param heartbeatIncoming the server's heartbeat interval
	 * @param autoReceipt whether to ask for receipts
	 * @param subscriptions the subscriptions
	 */
	public StompClientSettings {
		subscriptions = List.copyOf(subscriptions);
	}

	/**
	 * Tells whether STOMP heartbeats are exchanged.
	 * @return whether either interval is set
	 */
	boolean heartbeats() {
		return !this.heartbeatOutgoing.isZero() || !this.heartbeatIncoming.isZero();
	}

	/**
	 * Shows the settings without the passcode.
	 */
	@Override
	public String toString() {
		return "StompClientSettings[host=" + this.host + ", login=" + this.login + ", passcode="
				+ ((this.passcode != null) ? "***" : null) + ", heartbeatOutgoing=" + this.heartbeatOutgoing
				+ ", heartbeatIncoming=" + this.heartbeatIncoming + ", autoReceipt=" + this.autoReceipt
				+ ", subscriptions=" + this.subscriptions + "]";
	}

	/**
	 * One subscription.
	 *
	 * @param destination the destination
	 * @param id the subscription id, {@code null} to have one generated
	 */
	public record Subscription(String destination, String id) {
	}

}
