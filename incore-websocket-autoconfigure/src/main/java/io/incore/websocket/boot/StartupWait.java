package io.incore.websocket.boot;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.incore.websocket.SignalConnection;
import io.incore.websocket.WebSocket;

/**
 * Waits for one client to reach {@code Open} at start-up, listening to its signals from before it is asked to
 * connect, so that no transition is missed. With {@code failFast}, the first error of the connection ends the wait
 * too; a send refused while connecting ({@code NotOpenError}) is the sender's error, not the connection's.
 */
final class StartupWait {

	private final CompletableFuture<Optional<String>> outcome = new CompletableFuture<>();

	private final WebSocket client;

	private final List<SignalConnection> listening;

	private StartupWait(WebSocket client, boolean failFast) {
		this.client = client;
		SignalConnection connected = client.connected.connect(() -> this.outcome.complete(Optional.empty()));
		this.listening = failFast ? List.of(connected, client.errorOccurred.connect(() -> {
			if (client.getError() != WebSocket.Error.NotOpenError) {
				this.outcome.complete(Optional.of(client.getErrorString()));
			}
		})) : List.of(connected);
		if (client.getState() == WebSocket.State.Open) {
			this.outcome.complete(Optional.empty());
		}
	}

	/**
	 * Starts listening; call before the client is asked to connect.
	 * @param client the client
	 * @param failFast whether the first error ends the wait
	 * @return the wait
	 */
	static StartupWait on(WebSocket client, boolean failFast) {
		return new StartupWait(client, failFast);
	}

	/**
	 * Waits for the outcome and stops listening.
	 * @param timeout the longest wait
	 * @return empty if the client is open, else why not
	 */
	Optional<String> await(Duration timeout) {
		try {
			return this.outcome.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			String lastError = this.client.getErrorString();
			return Optional.of("not open in time" + (lastError.isEmpty() ? "" : "; last error: " + lastError));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.of("interrupted while waiting");
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		finally {
			this.listening.forEach(SignalConnection::disconnect);
		}
	}

}
