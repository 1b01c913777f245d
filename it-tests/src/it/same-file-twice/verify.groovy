// The first execution generated; the second found the first's files where it would write and failed the build,
// leaving them as the first wrote them.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.count('Specwright generated ') == 1
assert log.contains('Specwright refused to generate: ')
assert log.contains('src/main/java/com/example/platform/PlatformClient.java: another Specwright run writes it'
        + ' (it is listed in .specwright-manifest-same-file-twice@first)')
assert !log.contains('MojoExecutionException')

def output = new File(basedir, 'target/generated-sources/specwright')
assert new File(output, '.specwright-manifest-same-file-twice@first').isFile()
assert !new File(output, '.specwright-manifest-same-file-twice@second').exists()
new File(output, '.specwright-manifest-same-file-twice@first').readLines().findAll { !it.startsWith('#') }.each { line ->
    def hash = line.substring(0, 64)
    def file = new File(output, line.substring(65))
    def actual = java.security.MessageDigest.getInstance('SHA-256').digest(file.bytes).encodeHex().toString()
    assert actual == hash : "${file} is no longer what the first execution wrote"
}
return true
