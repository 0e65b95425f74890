package org.medmesh.node.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import org.medmesh.node.NodeApplication;

/** {@code medmesh node [--config FILE]}: runs one provider node until it is stopped (Ctrl-C). */
final class NodeCommand {
    private final PrintStream out;

    NodeCommand(PrintStream out) {
        this.out = out;
    }

    int run(Options options) {
        ApplicationContext context = NodeApplication.start(options.named().get("config"));
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        out.println("MedMesh node: " + server.getURL() + "/fhir (metadata and /health are open; everything else "
                + "needs a bearer token: ./medmesh token --role clinician)");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.close();
            stopped.countDown();
        }, "medmesh-node-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Main.OK;
    }
}
