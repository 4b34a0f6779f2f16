package io.incore.websocket.internal.tyrus;

import java.io.IOException;
import java.util.Map;

import io.incore.websocket.internal.concurrent.SharedExecutors;
import io.incore.websocket.internal.session.ReadGate;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;

import org.glassfish.tyrus.container.grizzly.client.GrizzlyClientContainer;
import org.glassfish.tyrus.spi.ClientContainer;
import org.glassfish.tyrus.spi.ClientEngine;
import org.glassfish.tyrus.spi.Connection;
import org.glassfish.tyrus.spi.ReadHandler;
import org.glassfish.tyrus.spi.UpgradeRequest;
import org.glassfish.tyrus.spi.UpgradeResponse;
import org.glassfish.tyrus.spi.Writer;

/**
 * Internal: the Tyrus client container this library uses. It is Tyrus' Grizzly container in which Tyrus runs the
 * opening handshake only: once it succeeded, each connection's reads go to a {@link FrameReadHandler} instead of
 * Tyrus' frame parser, and its writes to an {@link OutgoingFrames} the connection writes through; a connection with
 * default delivery is moved to selector-thread reads once its handshake succeeded
 * ({@link TransportIOStrategy}). Public only because Tyrus instantiates its container reflectively by class name; not an API.
 */
public final class TyrusClientContainer implements ClientContainer {

	static final String SETTINGS = TyrusClientContainer.class.getName() + ".settings";

	private final GrizzlyClientContainer grizzly = new GrizzlyClientContainer();

	/**
	 * Opens a socket through the Grizzly container, guarded when the endpoint configuration carries
	 * {@link Settings}.
	 */
	@Override
	public void openClientSocket(ClientEndpointConfig config, Map<String, Object> properties, ClientEngine engine)
			throws DeploymentException, IOException {
		Object settings = config.getUserProperties().get(SETTINGS);
		this.grizzly.openClientSocket(config, properties,
				(settings instanceof Settings guard) ? new GuardedEngine(engine, guard) : engine);
	}

	/**
	 * The per-connection settings of the read and write paths.
	 *
	 * @param maxMessageSize the largest incoming message, in bytes
	 * @param connection the connection that reads and writes the frames
	 * @param gate when to stop reading, or {@code null} for inline delivery (see {@link FrameReadHandler})
	 * @param tcpNoDelay whether every frame leaves at once ({@link WebSocketOptions#tcpNoDelay()})
	 * @param coalesceSends whether small frames sent in quick succession may leave together
	 * ({@link WebSocketOptions#coalesceSends()})
	 */
	record Settings(long maxMessageSize, TyrusConnection connection, ReadGate gate, boolean tcpNoDelay,
			boolean coalesceSends) {
	}

	private record GuardedEngine(ClientEngine delegate, Settings settings) implements ClientEngine {

		@Override
		public UpgradeRequest createUpgradeRequest(TimeoutHandler timeoutHandler) {
			return this.delegate.createUpgradeRequest(timeoutHandler);
		}

		@Override
		public ClientUpgradeInfo processResponse(UpgradeResponse response, Writer writer,
				Connection.CloseListener closeListener) {
			if (this.settings.gate() != null) {
				SharedTransport.readOnSelector(writer);
			}
			if (!this.settings.tcpNoDelay()) {
				SharedTransport.delaySmallWrites(writer);
			}
			OutgoingFrames frames = new OutgoingFrames(writer, this.settings.coalesceSends(), SharedExecutors.flusher(),
					System::nanoTime, this.settings.connection()::failed);
			this.settings.connection().writerReady(frames);
			ClientUpgradeInfo info = this.delegate.processResponse(response, frames, closeListener);
			return new GuardedUpgradeInfo(info, this.settings);
		}

		@Override
		public void processError(Throwable failure) {
			this.delegate.processError(failure);
		}

	}

	private record GuardedUpgradeInfo(ClientEngine.ClientUpgradeInfo delegate, Settings settings)
			implements ClientEngine.ClientUpgradeInfo {

		@Override
		public ClientEngine.ClientUpgradeStatus getUpgradeStatus() {
			return this.delegate.getUpgradeStatus();
		}

		@Override
		public Connection createConnection() {
			Connection connection = this.delegate.createConnection();
			return (connection != null) ? new GuardedConnection(connection,
					new FrameReadHandler(this.settings.maxMessageSize(), this.settings.connection(),
							this.settings.gate(), TransportIOStrategy::currentRead))
					: null;
		}

	}

	private record GuardedConnection(Connection delegate, ReadHandler guard) implements Connection {

		@Override
		public ReadHandler getReadHandler() {
			return this.guard;
		}

		@Override
		public Writer getWriter() {
			return this.delegate.getWriter();
		}

		@Override
		public CloseListener getCloseListener() {
			return this.delegate.getCloseListener();
		}

		@Override
		public void close(CloseReason reason) {
			this.delegate.close(reason);
		}

	}

}
