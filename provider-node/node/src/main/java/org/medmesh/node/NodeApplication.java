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
            micronaut.properties(java.util.Map.of("micronaut.config.files", configFile));
        }
        return micronaut.start();
    }

    public static void main(String[] args) {
        start(null, args);
    }
}
