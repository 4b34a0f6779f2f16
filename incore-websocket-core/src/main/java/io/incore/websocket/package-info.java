/**
 * The public API: the InCore object model on the JVM, {@link io.incore.websocket.InCoreObject}, its device base
 * {@link io.incore.websocket.IoDevice} and the {@link io.incore.websocket.WebSocket} client, with their options,
 * records, enumerations and signals. The few package-private classes here are the object model's own machinery
 * (signal delivery, observable properties, the read buffer); everything else lives in {@code internal}
 * sub-packages by role: {@code frame} (the RFC 6455 frame engine), {@code session} (the connection life),
 * {@code tyrus} (the transport) and {@code concurrent} (the shared pools).
 */
package io.incore.websocket;
