/**
 * The InCore object model on the JVM: {@link io.incore.websocket.InCoreObject}, its device base
 * {@link io.incore.websocket.IoDevice} and the {@link io.incore.websocket.WebSocket} client built on the Tyrus client.
 */
package io.incore.websocket;
