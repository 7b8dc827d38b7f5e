[
"${sslCertDir}/fullchain.pem"
"${sslCertDir}/chain.pem"
"${sslCertDir}/key.pem"
]
