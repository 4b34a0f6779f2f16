package io.incore.websocket.internal.transport;

import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLContext;

import io.incore.websocket.HttpProxy;
import io.incore.websocket.WebSocketOptions;
import io.incore.websocket.internal.frame.PerMessageDeflate;
import io.incore.websocket.internal.session.ReadGate;

/**
 * What the container needs to open one connection, handed to it through the endpoint configuration.
 *
 * @param connection the connection that reads and writes the frames
 * @param gate when to stop reading, or {@code null} for inline delivery (see {@link FrameReadHandler})
 * @param maxMessageSize the largest incoming message, in bytes
 * @param tcpNoDelay whether every frame leaves at once ({@link WebSocketOptions#tcpNoDelay()})
 * @param coalesceSends whether small frames sent in quick succession may leave together
 * ({@link WebSocketOptions#coalesceSends()})
 * @param sslContext the TLS context for {@code wss://}, {@code null} for the JVM's default (set up only when a
 * handshake goes to {@code wss://}, since a {@code ws://} URL may redirect there)
 * @param verifyHostname whether the server's certificate must match its host name
 * @param connectTimeoutMillis the longest a TCP connect may take
 * @param proxy the HTTP proxy of the options, or {@code null} to follow the JVM's proxy selector
 * @param redactedNames header and parameter names whose values are never logged, besides credential-like ones
 * @param deflateOffer the permessage-deflate offer sent, {@code null} if compression is off
 * @param subProtocols the subprotocols offered, in the order of preference sent; empty for none
 */
record ConnectionSettings(TyrusConnection connection, ReadGate gate, long maxMessageSize, boolean tcpNoDelay,
		boolean coalesceSends, SSLContext sslContext, boolean verifyHostname, int connectTimeoutMillis,
		HttpProxy proxy, Set<String> redactedNames, PerMessageDeflate.Offer deflateOffer, List<String> subProtocols) {

	static final String KEY = ConnectionSettings.class.getName();

}
