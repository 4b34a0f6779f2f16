package io.incore.websocket.boot.autoconfigure;

import java.util.Map;

import io.incore.websocket.WebSocket;
import io.incore.websocket.boot.WebSocketClients;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers one {@link WebSocket} bean per configured client, named after the client and taken from
 * {@link WebSocketClients}. A name the application already uses for a bean of its own is left to that bean.
 */
class WebSocketClientBeansRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {

	private static final String REGISTERED_BY = WebSocketClientBeansRegistrar.class.getName();

	private Environment environment;

	private BeanFactory beanFactory;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		Map<String, Object> clients = Binder.get(this.environment)
			.bind(WebSocketClientFactory.PREFIX + ".clients", Bindable.mapOf(String.class, Object.class))
			.orElse(Map.of());
		for (String name : clients.keySet()) {
			if (!registry.containsBeanDefinition(name)) {
				RootBeanDefinition definition = new RootBeanDefinition(WebSocket.class,
						() -> this.beanFactory.getBean(WebSocketClients.class).get(name));
				definition.setAttribute(REGISTERED_BY, true);
				registry.registerBeanDefinition(name, definition);
			}
		}
	}

	static boolean isRegisteredByUs(BeanDefinition definition) {
		return definition.getAttribute(REGISTERED_BY) != null;
	}

}
