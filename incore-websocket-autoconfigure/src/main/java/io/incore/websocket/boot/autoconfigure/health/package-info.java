/**
 * Auto-configuration of the health of InCore WebSocket clients.
 */
package io.incore.websocket.boot.autoconfigure.health;
