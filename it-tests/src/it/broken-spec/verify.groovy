// The build failed (invoker.buildResult = failure). It must have failed for the right reason, said where and why,
// and written nothing.
def log = new File(basedir, 'build.log').text

assert log.contains('BUILD FAILURE')
// SpecProblem.format(): file#/pointer: rule. Fix: fix
def pointer = 'broken-widgets.yaml#/paths/~1widgets~1{id}/get/responses/200/content/application~1json/schema/$ref'
assert log.contains(pointer) : "the dangling \$ref is not located as ${pointer}"
def line = log.readLines().find { it.contains(pointer) }
assert line.contains('#/components/schemas/Gadget') : "the rule does not name the missing schema: ${line}"
assert line =~ /points to nothing|does not exist/ : "the rule is not stated: ${line}"
assert line.contains('Fix: ') : "no fix is suggested: ${line}"
// a located spec problem is the user's to fix: a failure, not an execution error
assert log.contains('Specwright found 1 problem in the input; nothing was generated')
assert !log.contains('MojoExecutionException')

def output = new File(basedir, 'target/generated-sources/specwright')
def written = []
if (output.exists()) {
    output.eachFileRecurse { if (it.isFile()) written << it }
}
assert written.isEmpty() : "files were written: ${written}"
return true
