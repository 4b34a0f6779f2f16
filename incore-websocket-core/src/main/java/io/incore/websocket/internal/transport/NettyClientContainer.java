package io.incore.websocket.internal.transport;

import java.io.IOException;
import java.util.Map;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.DeploymentException;

import org.glassfish.tyrus.spi.ClientContainer;
import org.glassfish.tyrus.spi.ClientEngine;

/**
 * Internal: the Tyrus client container of this library, on Netty and Tyrus' public SPI only. Tyrus' engine makes
 * the upgrade request and judges the answer; this container carries them ({@link ClientHandshake}) and then hands
 * the channel to the library's frame engine. Public only because Tyrus instantiates its container by class name;
 * not an API, and of use only for the connections this library opens, whose endpoint configuration carries their
 * {@link ConnectionSettings}.
 */
public final class NettyClientContainer implements ClientContainer {

	@Override
	public void openClientSocket(ClientEndpointConfig config, Map<String, Object> properties, ClientEngine engine)
			throws DeploymentException, IOException {
		if (!(config.getUserProperties().get(ConnectionSettings.KEY) instanceof ConnectionSettings settings)) {
			throw new DeploymentException("This container opens the connections of io.incore.websocket.WebSocket only");
		}
		new ClientHandshake(engine, settings).start();
	}

}
