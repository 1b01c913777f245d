// The build failed on the YAML error, said where (file, line, column), and printed no parser stack trace.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
def located = log.readLines().find { it.contains('widgets.yaml') && it =~ /line \d+/ && it.contains('YAML') }
assert located != null : "no located YAML message in build.log"
assert located.contains('Fix: ') : "the located line suggests no fix: ${located}"
// no stack trace: no "at org.…" frame and no exception class names anywhere in the log
def frames = log.readLines().findAll { it =~ /^\s+at [a-z]+\./ }
assert frames.isEmpty() : "stack frames in build.log: ${frames.take(3)}"
// (Maven's own help link names MojoFailureException: the one line allowed to)
def exceptions = log.readLines().findAll { it.contains('Exception') && !it.contains('cwiki.apache.org/confluence') }
assert exceptions.isEmpty() : "exception names in build.log: ${exceptions.take(3)}"
assert !new File(basedir, 'target/generated-sources/specwright/src').exists() : 'files were written'
return true
