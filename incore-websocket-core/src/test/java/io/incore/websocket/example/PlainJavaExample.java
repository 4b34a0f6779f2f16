package io.incore.websocket.example;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.incore.websocket.InCoreObject;
import io.incore.websocket.WebSocket;

/**
 * The seed's example in plain Java, as the README shows it. Kept in the test sources so that the build compiles
 * it and a test runs it against a real server.
 */
public final class PlainJavaExample {

	private PlainJavaExample() {
	}

	public static void main(String[] args) throws InterruptedException {
		run((args.length > 0) ? args[0] : "ws://127.0.0.1:8080/echo", System.out);
	}

	/**
	 * Connects, sends a greeting, prints the echo and closes.
	 * @param url the echo server
	 * @param out where to print
	 * @return whether the echo arrived within 10 seconds
	 * @throws InterruptedException if interrupted while waiting
	 */
	public static boolean run(String url, PrintStream out) throws InterruptedException {
		CountDownLatch echoed = new CountDownLatch(1);
		InCoreObject app = new InCoreObject(null);
		WebSocket ws = new WebSocket(app);
		ws.setUrl(url);
		ws.connected.connect(() -> {
			out.println("Connected to " + ws.getUrl());
			ws.sendTextMessage("Hello world, this is a message from InCore!");
		});
		ws.textMessageReceived.connect((message) -> {
			out.println("Received message: " + message);
			echoed.countDown();
		});
		ws.errorOccurred.connect(() -> out.println("Error " + ws.getError() + ": " + ws.getErrorString()));
		app.complete();
		boolean arrived = echoed.await(10, TimeUnit.SECONDS);
		ws.close();
		return arrived;
	}

}
