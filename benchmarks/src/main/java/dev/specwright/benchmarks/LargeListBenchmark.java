package dev.specwright.benchmarks;

import com.example.platform.model.Product;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One GET of a large page of products (10,000 by default, about 5 MB of JSON) on loopback, decoded into
 * {@code List<Product>}: the generated client's {@link Fixture#generatedList()} against the hand-written baseline.
 * Here the decoding dominates, so the ratio shows whether the runtime's body handling (bounded in-memory body, then
 * Jackson) costs more than reading the bytes and handing them to Jackson directly.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LargeListBenchmark {

    @Param("10000")
    public int products;

    private Fixture fixture;

    @Setup(Level.Trial)
    public void start() throws IOException, InterruptedException {
        fixture = new Fixture(products);
        List<Product> ours = fixture.generatedList();
        List<Product> theirs = fixture.raw.listProducts();
        if (ours.size() != products || !ours.equals(theirs)) {
            throw new IllegalStateException("the two clients decoded different lists (" + ours.size() + " and "
                    + theirs.size() + " products, " + products + " sent)");
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        fixture.close();
    }

    @Benchmark
    public List<Product> specwright() {
        return fixture.generatedList();
    }

    @Benchmark
    public List<Product> raw() throws IOException, InterruptedException {
        return fixture.raw.listProducts();
    }
}
