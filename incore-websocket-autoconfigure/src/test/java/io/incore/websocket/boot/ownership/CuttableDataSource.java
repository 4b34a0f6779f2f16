package io.incore.websocket.boot.ownership;

import java.sql.Connection;
import java.sql.SQLException;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A pool on the test database whose network the test can cut: while cut, asking for a connection hangs, as it
 * does when the database host is unreachable and the driver waits for its timeouts.
 */
final class CuttableDataSource extends DelegatingDataSource implements AutoCloseable {

	static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

	private boolean cut;

	CuttableDataSource() {
		super(pool());
	}

	private static HikariDataSource pool() {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(URL);
		pool.setUsername("postgres");
		pool.setMaximumPoolSize(2);
		pool.setPoolName("ownership-test");
		return pool;
	}

	synchronized void cut() {
		this.cut = true;
	}

	synchronized void restore() {
		this.cut = false;
		notifyAll();
	}

	@Override
	public Connection getConnection() throws SQLException {
		synchronized (this) {
			while (this.cut) {
				try {
					wait();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new SQLException("Interrupted while the network is cut", ex);
				}
			}
		}
		return super.getConnection();
	}

	@Override
	public void close() {
		restore();
		((HikariDataSource) getTargetDataSource()).close();
	}

}
