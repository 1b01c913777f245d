// Run 1 generated, run 2 skipped the generator, touched no generated file, and still registered the source root.
import java.text.SimpleDateFormat

def log = new File(basedir, 'build.log').text
def generated = log.count('Specwright generated ')
def upToDate = log.count('Specwright sources are up to date')
assert generated == 1 : "expected one generating run, found ${generated}"
assert upToDate == 1 : "expected the second run to be up to date, found ${upToDate}"

def stamp = new File(basedir, 'target/generated-sources/specwright/.specwright-stamp-no-op-rebuild@default')
assert stamp.isFile()
def classes = new File(basedir, 'target/classes')
def compiled = []
classes.eachFileRecurse { if (it.name == 'PlatformClient.class') compiled << it }
assert !compiled.isEmpty() : 'the up-to-date run did not add the generated sources to the compile source roots'

// The second build's lines carry time stamps; its first line is when it started.
def stamped = log.readLines().find { it ==~ /^\d{4}-\d\d-\d\d_\d\d:\d\d:\d\d\.\d{3}[+-]\d{4} .*/ }
assert stamped != null : 'the second build logged no time stamps'
def secondStarted = new SimpleDateFormat("yyyy-MM-dd_HH:mm:ss.SSSZ").parse(stamped.substring(0, 28)).time
def touched = []
def files = 0
new File(basedir, 'target/generated-sources/specwright').eachFileRecurse { f ->
    files++
    if (f.lastModified() >= secondStarted) touched << f
}
assert files > 50 : "expected the platform client's files, found ${files}"
assert touched.isEmpty() : "the up-to-date build touched ${touched.size()} generated files, such as ${touched.take(3)}"

def ms = (log =~ /checked in (\d+) ms/)[0][1] as int
println "no-op rebuild of the platform SDK: the plugin took ${ms} ms (${files} generated files checked)"
return true
