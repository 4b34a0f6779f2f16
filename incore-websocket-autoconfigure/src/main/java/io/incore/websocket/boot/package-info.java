/**
 * Spring integration of InCore WebSocket clients: the client registry, its lifecycle and the user hooks.
 */
package io.incore.websocket.boot;
