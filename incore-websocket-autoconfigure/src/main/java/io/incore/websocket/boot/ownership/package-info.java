/**
 * Single-instance ownership of clients across replicas of an application, on Spring Integration's leader election
 * over a shared {@code LockRegistry}.
 */
package io.incore.websocket.boot.ownership;
