/**
 * Spring WebSocket's client abstractions on InCore WebSocket: {@link IncoreWebSocketClient} for
 * {@code WebSocketConnectionManager}, {@code WebSocketStompClient} and any other user of
 * {@code org.springframework.web.socket.client.WebSocketClient}.
 */
package io.incore.websocket.boot.springws;
