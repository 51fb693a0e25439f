//! End users: `listUser` page by page (`skip` and `first`, as schema 10.5 defines them), and
//! which of them have a digest credential set (an `executeSQLQuery`: no AXL list returns it).

use std::collections::HashSet;

use uclint_core::model::User;

use super::sql;
use super::xml::Element;

/// One end user of a `listUserResponse` page, without the digest credential yet.
pub fn read_page(response: &Element) -> Result<Vec<User>, String> {
    let list = response.child("return").ok_or("no <return> element")?;
    list.all("user").map(user).collect()
}

fn user(element: &Element) -> Result<User, String> {
    let userid = element.text_of("userid").ok_or("a <user> without a <userid>")?;
    Ok(User {
        first_name: element.text_of("firstName").map(str::to_owned),
        last_name: element.text_of("lastName").map(str::to_owned),
        telephone_number: element.text_of("telephoneNumber").map(Into::into),
        ..User::new(userid)
    })
}

/// The user ids the digest query answered with.
pub fn digest_users(response: &Element) -> Result<HashSet<String>, String> {
    sql::rows(response)?
        .map(|row| sql::column(row, "userid").map(str::to_owned))
        .collect()
}
