package dev.specwright.benchmarks;

import com.example.platform.model.Product;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One GET of one product on loopback, decoded into the generated {@code Product} record: through the generated
 * client ({@link Fixture#generatedGet()}) and through the hand-written {@link RawPlatformCalls}. The ratio of the
 * two is the runtime's overhead per call (URI template, credentials, the retry and error machinery, bounded body).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SingleGetBenchmark {

    private Fixture fixture;

    @Setup(Level.Trial)
    public void start() throws IOException, InterruptedException {
        fixture = new Fixture(1);
        // both paths must answer the same thing, or the comparison means nothing
        Product ours = fixture.generatedGet();
        Product theirs = fixture.raw.getProduct(Fixture.SKU);
        if (!ours.equals(theirs)) {
            throw new IllegalStateException("the two clients decoded different products: " + ours + " vs " + theirs);
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        fixture.close();
    }

    @Benchmark
    public Product specwright() {
        return fixture.generatedGet();
    }

    @Benchmark
    public Product raw() throws IOException, InterruptedException {
        return fixture.raw.getProduct(Fixture.SKU);
    }
}
