/**
 * Spring application events for the signals of InCore WebSocket clients.
 */
package io.incore.websocket.boot.event;
