package org.medmesh.node;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;

/** The provider node as a Micronaut application; started by {@code medmesh node}. */
public final class NodeApplication {
    private NodeApplication() {}

    /** Starts the node; {@code configFile} (nullable) adds a configuration file over the defaults. */
    public static ApplicationContext start(String configFile, String... args) {
        Micronaut micronaut = Micronaut.build(args).mainClass(NodeApplication.class).banner(false);
        if (configFile != null) {
            useConfigFile(configFile);
        }
        return micronaut.start();
    }

    /**
     * Adds a YAML configuration file over the packaged defaults for the contexts this process starts. Micronaut
     * reads {@code micronaut.config.files} from system properties or the environment when it bootstraps its
     * property sources (as a builder property it is silently ignored); one node runs per process.
     */
    public static void useConfigFile(String configFile) {
        if (!java.nio.file.Files.isReadable(java.nio.file.Path.of(configFile))) {
            throw new IllegalArgumentException("cannot read the configuration file " + configFile);
        }
        System.setProperty("micronaut.config.files", configFile);
    }

    public static void main(String[] args) {
        start(null, args);
    }
}
