/**
 * STOMP 1.2 over configured InCore WebSocket clients, through Spring's {@code WebSocketStompClient}: sessions that
 * CONNECT and SUBSCRIBE again after every reconnect, and their messages as application events.
 */
package io.incore.websocket.boot.stomp;
