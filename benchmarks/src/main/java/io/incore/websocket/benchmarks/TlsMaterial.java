package io.incore.websocket.benchmarks;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS material of a {@code wss://} run: one PKCS12 key store (made by {@code run.sh} with {@code keytool}, a
 * self-signed certificate for 127.0.0.1, password {@code changeit}) is the echo server's key and every client's
 * trust. Its path comes from {@code -Dbench.keystore}; without it every run is plain.
 */
final class TlsMaterial {

	private static final String PROPERTY = "bench.keystore";

	private static final char[] PASSWORD = "changeit".toCharArray();

	private TlsMaterial() {
	}

	/**
	 * The server's key managers' source.
	 * @return the key manager factory, or {@code null} for a plain server
	 */
	static KeyManagerFactory serverKeys() throws Exception {
		KeyStore store = load();
		if (store == null) {
			return null;
		}
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(store, PASSWORD);
		return keys;
	}

	/**
	 * A client context that trusts the server's certificate.
	 * @return the context, or {@code null} for plain runs
	 */
	static SSLContext clientContext() throws Exception {
		KeyStore store = load();
		if (store == null) {
			return null;
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(store);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return context;
	}

	private static KeyStore load() throws Exception {
		String path = System.getProperty(PROPERTY);
		if (path == null) {
			return null;
		}
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(Path.of(path))) {
			store.load(in, PASSWORD);
		}
		return store;
	}

}
