//! The LDIF of the directory a test asks for: the base, a password policy, users with and
//! without `sn`, referrals, and many generated users.

use std::io::Write;

/// The suffix every entry lives under.
pub(crate) const BASE: &str = "dc=example,dc=org";
/// Where users live.
pub(crate) const PEOPLE: &str = "ou=people,dc=example,dc=org";

/// The suffix entry and the folders for people and policies.
pub(crate) fn base() -> String {
    format!(
        "dn: {BASE}\nobjectClass: dcObject\nobjectClass: organization\ndc: example\no: Example\n\n\
         dn: {PEOPLE}\nobjectClass: organizationalUnit\nou: people\n\n\
         dn: ou=policies,{BASE}\nobjectClass: organizationalUnit\nou: policies\n\n"
    )
}

/// The default password policy: lock after `failures` bad binds (until an administrator
/// unlocks), or never when `None`.
pub(crate) fn policy(failures: Option<u32>) -> String {
    let (lockout, max) = match failures {
        Some(n) => ("TRUE", n),
        None => ("FALSE", 0),
    };
    // pwdPolicy is auxiliary: applicationProcess is the structural class that carries cn.
    format!(
        "dn: cn=default,ou=policies,{BASE}\nobjectClass: applicationProcess\nobjectClass: pwdPolicy\n\
         cn: default\npwdAttribute: userPassword\npwdLockout: {lockout}\npwdMaxFailure: {max}\n\
         pwdLockoutDuration: 0\n\n"
    )
}

/// A user with `sn` (inetOrgPerson).
pub(crate) fn person(uid: &str, password: &str) -> String {
    format!(
        "dn: uid={uid},{PEOPLE}\nobjectClass: inetOrgPerson\nuid: {uid}\ncn: {uid}\nsn: {uid}\n\
         mail: {uid}@example.org\nuserPassword: {password}\n\n"
    )
}

/// A user without `sn`: inetOrgPerson requires it, so account plus simpleSecurityObject.
pub(crate) fn account(uid: &str, password: &str) -> String {
    format!(
        "dn: uid={uid},{PEOPLE}\nobjectClass: account\nobjectClass: simpleSecurityObject\nuid: {uid}\n\
         userPassword: {password}\n\n"
    )
}

/// A referral object `ou=NAME` under the base, pointing at `url`.
pub(crate) fn referral(name: &str, url: &str) -> String {
    format!("dn: ou={name},{BASE}\nobjectClass: referral\nobjectClass: extensibleObject\nou: {name}\nref: {url}\n\n")
}

/// The uid of generated user number `i`.
pub(crate) fn generated_uid(i: usize) -> String {
    format!("user{i:06}")
}

/// Generated users 1..=`count` (people with sn), all with `password`.
pub(crate) fn write_generated(out: &mut impl Write, count: usize, password: &str) -> std::io::Result<()> {
    for i in 1..=count {
        out.write_all(person(&generated_uid(i), password).as_bytes())?;
    }
    Ok(())
}

/// The uid of directory user number `i`.
pub(crate) fn directory_uid(i: usize) -> String {
    format!("person{i:06}")
}

/// Directory users 1..=`count` as a directory CUCM synchronizes holds them: uid, cn,
/// givenName, sn, telephoneNumber and mail (inetOrgPerson), without a password.
pub(crate) fn write_directory(out: &mut impl Write, count: usize) -> std::io::Result<()> {
    for i in 1..=count {
        let uid = directory_uid(i);
        write!(
            out,
            "dn: uid={uid},{PEOPLE}\nobjectClass: inetOrgPerson\nuid: {uid}\ncn: Given{i} Family{i}\n\
             givenName: Given{i}\nsn: Family{i}\ntelephoneNumber: +1 408 {i:07}\nmail: {uid}@example.org\n\n"
        )?;
    }
    Ok(())
}

/// Active Directory's user naming as an OpenLDAP schema: `sAMAccountName`, a structural `user`
/// class whose `sn` is optional (as in AD), and `computer`, a kind of user (as in AD).
pub(crate) const ACTIVE_DIRECTORY_SCHEMA: &str = "\
attributetype ( 1.2.840.113556.1.4.221 NAME 'sAMAccountName' EQUALITY caseIgnoreMatch \
SUBSTR caseIgnoreSubstringsMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )
objectclass ( 1.2.840.113556.1.5.9 NAME 'user' SUP top STRUCTURAL MUST cn \
MAY ( sAMAccountName $ sn $ givenName $ telephoneNumber $ mail $ userPassword ) )
objectclass ( 1.2.840.113556.1.3.30 NAME 'computer' SUP user STRUCTURAL )
";
