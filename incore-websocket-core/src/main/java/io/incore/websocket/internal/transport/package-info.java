/**
 * Internal, not an API: the transport: Netty channels and TLS, Tyrus' engine for the opening handshake through its
 * public container SPI, and the connection that hands every later byte to the frame engine; the only package that
 * imports Tyrus, Netty or {@code jakarta.websocket}.
 */
package io.incore.websocket.internal.transport;
