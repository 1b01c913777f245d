// The build failed because of the hand-written file, said which file and how to go on, and wrote nothing at all.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('Specwright refused to generate: 1 file in ')
assert log.contains('src/main/java/com/example/platform/PlatformClient.java: Specwright did not write it')
assert log.contains('.specwright-ignore') && log.contains('<overwrite>true</overwrite>') : 'the ways out are not named'
assert !log.contains('MojoExecutionException')

def output = new File(basedir, 'sdk-out')
def mine = new File(output, 'src/main/java/com/example/platform/PlatformClient.java')
assert mine.text.startsWith('// hand-written: Specwright must not replace this')
def files = []
output.eachFileRecurse { if (it.isFile()) files << output.toPath().relativize(it.toPath()).toString() }
// nothing at all: not a manifest, not even the lock file (a refusal is decided before the lock is taken)
assert files.sort() == ['src/main/java/com/example/platform/PlatformClient.java'] : "files were written: ${files}"
return true
