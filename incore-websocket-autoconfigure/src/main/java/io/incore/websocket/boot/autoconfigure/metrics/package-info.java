/**
 * Auto-configuration of the metrics of InCore WebSocket clients.
 */
package io.incore.websocket.boot.autoconfigure.metrics;
