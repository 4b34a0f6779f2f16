package io.incore.websocket;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs one {@link TestServer} for all tests of a class: register it as a static field with
 * {@code @RegisterExtension}.
 */
public final class TestServerExtension implements BeforeAllCallback, AfterAllCallback {

	private TestServer server;

	@Override
	public void beforeAll(ExtensionContext context) {
		this.server = TestServer.start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.server.close();
	}

	public String url(String path) {
		return this.server.url(path);
	}

}
