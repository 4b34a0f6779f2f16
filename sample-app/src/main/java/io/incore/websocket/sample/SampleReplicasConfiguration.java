package io.incore.websocket.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The {@code replicas} profile: a lock registry on PostgreSQL, shared by every instance of the sample, so that the
 * single-instance client {@code upstream} is connected by one instance at a time. The lock table is created from
 * Spring Integration's own schema script if it is missing.
 */
@Configuration(proxyBeanMethods = false)
@Profile("replicas")
class SampleReplicasConfiguration {

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(@Value("${sample.replicas.jdbc-url}") String url,
			@Value("${sample.replicas.username}") String username) throws IOException {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(url);
		dataSource.setUsername(username);
		dataSource.setMaximumPoolSize(2);
		new JdbcTemplate(dataSource).execute(lockTable());
		return dataSource;
	}

	@Bean
	JdbcTransactionManager transactionManager(HikariDataSource dataSource) {
		return new JdbcTransactionManager(dataSource);
	}

	@Bean
	DefaultLockRepository lockRepository(HikariDataSource dataSource) {
		return new DefaultLockRepository(dataSource);
	}

	@Bean
	JdbcLockRegistry lockRegistry(DefaultLockRepository lockRepository,
			@Value("${sample.replicas.lock-time-to-live}") Duration timeToLive) {
		return new JdbcLockRegistry(lockRepository, timeToLive);
	}

	private static String lockTable() throws IOException {
		try (InputStream script = JdbcLockRegistry.class
			.getResourceAsStream("/org/springframework/integration/jdbc/schema-postgresql.sql")) {
			String all = new String(script.readAllBytes(), StandardCharsets.UTF_8);
			String lockTable = all.substring(all.indexOf("CREATE TABLE INT_LOCK"));
			return lockTable.substring(0, lockTable.indexOf(';'))
				.replace("CREATE TABLE INT_LOCK", "CREATE TABLE IF NOT EXISTS INT_LOCK");
		}
	}

}
