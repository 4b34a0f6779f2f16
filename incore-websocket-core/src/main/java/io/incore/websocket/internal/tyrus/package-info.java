/**
 * Internal, not an API: the transport on Tyrus' Grizzly client, which runs the opening handshake and hands every
 * later byte to the frame engine; the only package that imports Tyrus, Grizzly or {@code jakarta.websocket}.
 */
package io.incore.websocket.internal.tyrus;
