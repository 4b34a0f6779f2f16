/**
 * Internal, not an API: the connection life behind a {@code WebSocket}: its state machine, close handshake,
 * reconnects, heartbeat and inbound backlog, and the interfaces a transport implements for it.
 */
package io.incore.websocket.internal.session;
