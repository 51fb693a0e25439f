sip:user@example.com
