/**
 * Actuator health of InCore WebSocket clients.
 */
package io.incore.websocket.boot.health;
